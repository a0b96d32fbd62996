using System.Net;
using System.Net.Http.Headers;

namespace Mailing.Transports.Http;

/// <summary>
/// A JSON request body written when the request is sent, so attachments are read asynchronously (files included)
/// rather than while the request is built.
/// </summary>
/// <remarks>
/// The attachment streams are opened beforehand (so a missing file fails the send before any request, as over SMTP)
/// and are owned by the content: disposing it closes them. The length is not known in advance, so the body goes out
/// with chunked transfer encoding.
/// </remarks>
internal sealed class StreamedJsonContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> _write;
    private readonly IReadOnlyList<Stream> _attachments;

    public StreamedJsonContent(Func<Stream, CancellationToken, Task> write, IReadOnlyList<Stream>? attachments = null)
    {
        _write = write;
        _attachments = attachments ?? [];
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _write(stream, cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _write(stream, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var attachment in _attachments)
            {
                attachment.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
