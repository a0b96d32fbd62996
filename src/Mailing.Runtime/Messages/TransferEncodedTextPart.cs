using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Encodings;

namespace Mailing;

/// <summary>
/// A UTF-8 text part whose content is stored already in its transfer encoding, with CRLF line breaks: 7bit when it
/// is plain short-lined ASCII, else quoted-printable: <see cref="TextTransferEncoding.IsSevenBit"/> decides, as for
/// Mailing's own writer (MimeKit's choice for a 7-bit server, but never raw for a bare CR).
/// </summary>
/// <remarks>
/// MimeKit encodes a part's content on every write unless the stored encoding matches the Content-Transfer-Encoding,
/// and even then passes it through a new line-ending filter per write; each pass allocates a buffer of about the
/// part's size (three times for quoted-printable). Encoding once here, into a buffer of exactly the encoded size,
/// lets a CRLF write (SMTP DATA, <c>.eml</c> files) copy the bytes as they are. Any other write, or a part whose
/// content or encoding was changed afterwards (by a signer preparing it, say), goes through MimeKit unchanged.
/// </remarks>
internal sealed class TransferEncodedTextPart : TextPart
{
    private readonly byte[] _wire;
    private readonly IMimeContent _wireContent;
    private readonly ContentEncoding _wireEncoding;

    private TransferEncodedTextPart(string subtype, byte[] wire, ContentEncoding encoding)
        : base(subtype)
    {
        _wire = wire;
        _wireEncoding = encoding;
        ContentType.Charset = "utf-8";
        ContentTransferEncoding = encoding;
        Content = _wireContent = new MimeContent(new MemoryStream(wire, writable: false), encoding);
    }

    /// <summary>
    /// Whether this part is the message's whole body; MimeKit then always ends it with a newline, whatever the options say.
    /// </summary>
    public bool IsMessageBody { get; set; }

    public static TransferEncodedTextPart Create(string subtype, string text)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            return TextTransferEncoding.IsSevenBit(utf8.AsSpan(0, length))
                ? new TransferEncodedTextPart(subtype, WithCrLf(utf8.AsSpan(0, length)), ContentEncoding.SevenBit)
                : new TransferEncodedTextPart(subtype, QuotedPrintable(utf8, length), ContentEncoding.QuotedPrintable);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!CanWriteAsStored(options))
        {
            base.WriteTo(options, stream, contentOnly, cancellationToken);
            return;
        }

        if (!contentOnly)
        {
            Headers.WriteTo(options, stream, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        stream.Write(_wire);
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!CanWriteAsStored(options))
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!contentOnly)
        {
            await Headers.WriteToAsync(options, stream, cancellationToken).ConfigureAwait(false);
        }

        await stream.WriteAsync(_wire, cancellationToken).ConfigureAwait(false);
    }

    // MimeKit's line-ending filter would change nothing only when: CRLF is asked for, the content and encoding are still
    // ours, and no final newline has to be added (the stored bytes already end with one, or none is asked for).
    private bool CanWriteAsStored(FormatOptions options) =>
        options.NewLineFormat == NewLineFormat.Dos
        && ReferenceEquals(Content, _wireContent)
        && ContentTransferEncoding == _wireEncoding
        && ((!options.EnsureNewLine && !IsMessageBody) || _wire.AsSpan().EndsWith("\r\n"u8));

    private static byte[] QuotedPrintable(byte[] utf8, int length)
    {
        var encoder = new QuotedPrintableEncoder();
        var output = ArrayPool<byte>.Shared.Rent(encoder.EstimateOutputLength(length));
        try
        {
            var written = encoder.Flush(utf8, 0, length, output);
            return WithCrLf(output.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <summary>A copy with every LF not already after a CR written as CRLF, as MimeKit's Unix2Dos filter writes it.</summary>
    private static byte[] WithCrLf(ReadOnlySpan<byte> bytes)
    {
        var bareLineFeeds = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            {
                bareLineFeeds++;
            }
        }

        if (bareLineFeeds == 0)
        {
            return bytes.ToArray();
        }

        var result = new byte[bytes.Length + bareLineFeeds];
        var written = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            {
                result[written++] = (byte)'\r';
            }

            result[written++] = bytes[i];
        }

        return result;
    }
}
