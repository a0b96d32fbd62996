using MimeKit;

namespace Mailing.Transports.Smtp;

/// <summary>
/// A cheap upper bound on how many bytes a MIME message serializes to, from its headers and the length of each
/// part's content, without writing it: enough to know a message cannot reach a server's advertised SIZE limit.
/// </summary>
internal static class MimeSizeBound
{
    // No transfer encoding grows content by more: quoted-printable is 3 bytes per byte plus soft line breaks
    // (about 3.1x), base64 4/3 plus line breaks, 7bit at most doubles when every LF becomes CRLF.
    private const long ContentGrowth = 4;

    // Room per entity for what is written besides its headers and content: a boundary line, blank lines, CRLFs.
    private const long PerEntityOverhead = 256;

    /// <returns>The bound in bytes, or <see langword="null"/> when a part's length cannot be known without reading it.</returns>
    public static long? Of(MimeMessage message)
    {
        var bound = HeadersBound(message.Headers);
        return message.Body is null ? bound : Add(bound, EntityBound(message.Body));
    }

    private static long? EntityBound(MimeEntity entity)
    {
        long? bound = PerEntityOverhead + HeadersBound(entity.Headers);
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    bound = Add(bound, EntityBound(child));
                }

                return bound;
            case MimePart { Content: null }:
                return bound;
            case MimePart { Content.Stream: { CanSeek: true } stream }:
                return bound + (ContentGrowth * stream.Length);
            default:
                return null;
        }
    }

    // A header is written as its raw value, which MimeKit has already folded and encoded; twice that leaves room
    // for it to be encoded again with the send's format options.
    private static long HeadersBound(HeaderList headers)
    {
        long bound = 2;
        foreach (var header in headers)
        {
            bound += 2 * (header.Field.Length + 2 + header.RawValue.Length);
        }

        return bound;
    }

    private static long? Add(long? left, long? right) => left is { } l && right is { } r ? l + r : null;
}
