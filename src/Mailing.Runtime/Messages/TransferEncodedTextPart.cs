using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Encodings;
using MimeKit.IO.Filters;

namespace Mailing;

/// <summary>
/// A UTF-8 text part whose content is stored already in its transfer encoding: 7bit when it is plain short-lined
/// ASCII, else quoted-printable, the same choice as MimeKit's <c>MimePart.GetBestEncoding</c>
/// for a 7-bit server (its <see cref="BestEncodingFilter"/> decides).
/// </summary>
/// <remarks>
/// MimeKit writes content whose stored encoding matches the part's Content-Transfer-Encoding as it is; otherwise it
/// encodes it on every write through a filter that allocates about three times the part each time. Encoding once
/// here, into a buffer of exactly the encoded size, makes every later write (SMTP DATA, a pickup file) a copy.
/// </remarks>
internal static class TransferEncodedTextPart
{
    public static TextPart Create(string subtype, string text)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            var scan = new BestEncodingFilter();
            scan.Flush(utf8, 0, length, out _, out _);
            var sevenBit = scan.GetBestEncoding(EncodingConstraint.SevenBit) is ContentEncoding.SevenBit;

            var part = new TextPart(subtype);
            part.ContentType.Charset = "utf-8";
            part.ContentTransferEncoding = sevenBit ? ContentEncoding.SevenBit : ContentEncoding.QuotedPrintable;
            var encoded = sevenBit ? utf8.AsSpan(0, length).ToArray() : QuotedPrintable(utf8, length);
            part.Content = new MimeContent(new MemoryStream(encoded, writable: false), part.ContentTransferEncoding);
            return part;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static byte[] QuotedPrintable(byte[] utf8, int length)
    {
        var encoder = new QuotedPrintableEncoder();
        var output = ArrayPool<byte>.Shared.Rent(encoder.EstimateOutputLength(length));
        try
        {
            var written = encoder.Flush(utf8, 0, length, output);
            return output.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }
}
