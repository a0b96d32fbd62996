using System.Net;

namespace Mailing.Transports.Http;

/// <summary>
/// Wraps a request body and remembers whether it was written out in full, so a failure afterwards (a timeout, a
/// dropped connection) can be told apart from one before the provider could have seen the message.
/// </summary>
internal sealed class TrackedHttpContent : HttpContent
{
    private readonly HttpContent _inner;
    private volatile bool _bodySent;

    public TrackedHttpContent(HttpContent inner)
    {
        _inner = inner;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Whether the whole body was handed to the connection: from then on the provider may have accepted the message.</summary>
    public bool BodySent => _bodySent;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await _inner.CopyToAsync(stream, context, cancellationToken).ConfigureAwait(false);
        _bodySent = true;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        if (_inner.Headers.ContentLength is { } known)
        {
            length = known;
            return true;
        }

        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
