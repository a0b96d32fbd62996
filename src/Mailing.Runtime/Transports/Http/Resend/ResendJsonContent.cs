using System.Net;
using System.Net.Http.Headers;

namespace Mailing.Transports.Http.Resend;

/// <summary>
/// A JSON request body written when the request is sent, so attachments are read asynchronously (files included)
/// rather than while the request is built.
/// </summary>
/// <remarks>The length is not known in advance, so the body goes out with chunked transfer encoding.</remarks>
internal sealed class ResendJsonContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> _write;

    public ResendJsonContent(Func<Stream, CancellationToken, Task> write)
    {
        _write = write;
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
}
