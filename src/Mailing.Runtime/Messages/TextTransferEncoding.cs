using System.Buffers;

namespace Mailing;

/// <summary>
/// The transfer encoding of a UTF-8 text part: <c>7bit</c> when it is plain ASCII in short lines, else
/// <c>quoted-printable</c>, the choice MimeKit's <c>BestEncodingFilter</c> makes for a 7-bit server; and, for an SMTP
/// server that offers 8BITMIME (RFC 6152), <c>8bit</c> for text that is not ASCII, as MailKit chooses it for such a server.
/// Written straight into the output with CRLF line breaks.
/// </summary>
/// <remarks>
/// 7bit and quoted-printable keep the text readable in raw form and pass through servers without 8BITMIME; 8bit is the
/// UTF-8 itself, written without escaping (a third of the size of quoted-printable for text that is not Latin, and no
/// encoding work), for a server that said it takes it. The receiver decodes any of them into the same characters, with
/// every line break a CRLF.
/// </remarks>
internal static class TextTransferEncoding
{
    // MimeKit's BestEncodingFilter.GetBestEncoding default: longer lines (CR not counted) go quoted-printable.
    private const int MaxSevenBitLine = 78;

    // RFC 2045 §6.7 (5): encoded lines are at most 76 characters, the '=' of a soft line break included.
    private const int MaxEncodedLine = 76;

    // What quoted-printable writes as it is: printable ASCII except '=' (RFC 2045 §6.7 (2)), and space and tab (§6.7 (3)),
    // except as the last character of a line.
    private static readonly SearchValues<byte> Literal = SearchValues.Create(
        " \t!\"#$%&'()*+,-./0123456789:;<>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>
    /// Whether <paramref name="utf8"/> can go as <c>7bit</c>: no NUL, nothing above 127, no line over 78 characters
    /// and no line break after a line that starts with <c>From </c> (mbox would mangle it), as MimeKit decides it; and, stricter
    /// than MimeKit, no CR outside a CRLF.
    /// </summary>
    /// <remarks>
    /// A bare CR goes quoted-printable (<c>=0D</c>) rather than raw, in 7bit as in 8bit: some servers take <c>CR . CRLF</c> for
    /// the end of DATA (SMTP smuggling), and dot-stuffing only looks after an LF. The MimeKit path
    /// (<see cref="TransferEncodedTextPart"/>) makes the same decision here.
    /// </remarks>
    public static bool IsSevenBit(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAnyExceptInRange((byte)1, (byte)127) >= 0)
        {
            return false;
        }

        while (true)
        {
            var lineFeed = utf8.IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                // MimeKit counts a last, unterminated line whole and does not look for "From " in it.
                return utf8.Length <= MaxSevenBitLine && !utf8.Contains((byte)'\r');
            }

            var line = utf8[..lineFeed];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Length > MaxSevenBitLine || line.StartsWith("From "u8) || line.Contains((byte)'\r'))
            {
                return false;
            }

            utf8 = utf8[(lineFeed + 1)..];
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> goes as <c>8bit</c> to a server that offers 8BITMIME: it is not ASCII (ASCII text keeps
    /// its 7bit-or-quoted-printable choice), has no NUL, no line over 998 octets in UTF-8 and no line break after a line
    /// that starts with <c>From </c>, as MimeKit's <c>GetBestEncoding(EncodingConstraint.EightBit, 998)</c> decides it for
    /// the text's UTF-8; and, stricter than MimeKit, no CR outside a CRLF. Anything else stays quoted-printable.
    /// </summary>
    /// <remarks>
    /// Read from the characters, before any UTF-8 is written: SMTP declares BODY=8BITMIME before the message is serialized.
    /// A bare CR is escaped (<c>=0D</c>) rather than sent: RFC 5322 allows CR only in CRLF, and servers differ in what they
    /// make of one (it is part of the SMTP smuggling tricks), so text that has one is not worth the risk.
    /// </remarks>
    /// <param name="text">The text part.</param>
    /// <param name="hasBareLineFeeds">When it goes 8bit: whether a line ends with an LF alone (see <see cref="WriteUtf8"/>).</param>
    public static bool IsEightBit(ReadOnlySpan<char> text, out bool hasBareLineFeeds)
    {
        hasBareLineFeeds = false;
        return !System.Text.Ascii.IsValid(text) && EightBitLines.AllFit(text, out hasBareLineFeeds);
    }

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 straight into <paramref name="output"/>, a block at a time: the 8bit form of text
    /// whose every line break is a CRLF already, so nothing is changed and nothing is copied twice.
    /// </summary>
    public static void WriteUtf8(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        // Small enough that the output never has to grow past what the message needs by much.
        const int BlockCharacters = 8192;
        while (!text.IsEmpty)
        {
            var block = text.Length <= BlockCharacters ? text : text[..BlockCharacters];
            var destination = output.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(block.Length));

            // A block that ends inside a surrogate pair leaves its first half for the next one (isFinalBlock false); a lone
            // surrogate becomes U+FFFD, as Encoding.UTF8 writes it.
            System.Text.Unicode.Utf8.FromUtf16(block, destination, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: block.Length == text.Length);
            output.Advance(written);
            text = text[read..];
        }
    }

    /// <summary>Writes 7bit or 8bit text as it is, with every bare LF as CRLF.</summary>
    /// <returns>Whether the text ended with a line break.</returns>
    public static bool WriteAsIs(ReadOnlySpan<byte> utf8, IBufferWriter<byte> output)
    {
        var writer = new ChunkedBufferWriter(output);
        var endsWithLineBreak = !utf8.IsEmpty && utf8[^1] == (byte)'\n';

        // Everything up to a bare LF goes in one copy: text with CRLF line breaks throughout is a single one.
        while (BareLineBreaks.IndexOfBareLineFeed(utf8) is var lineFeed and >= 0)
        {
            writer.Write(utf8[..lineFeed]);
            writer.Write("\r\n"u8);
            utf8 = utf8[(lineFeed + 1)..];
        }

        writer.Write(utf8);
        writer.Commit();
        return endsWithLineBreak;
    }

    /// <summary>
    /// Writes <paramref name="utf8"/> as quoted-printable: LF and CRLF become hard line breaks (CRLF), lines longer than 76
    /// characters get soft breaks, whitespace before a line break and every byte that is not printable ASCII are escaped.
    /// </summary>
    /// <returns>Whether the text ended with a line break (when it did not, nothing follows its last character).</returns>
    public static bool WriteQuotedPrintable(ReadOnlySpan<byte> utf8, IBufferWriter<byte> output)
    {
        var writer = new ChunkedBufferWriter(output);
        var endsWithLineBreak = false;
        while (!utf8.IsEmpty)
        {
            var lineFeed = utf8.IndexOf((byte)'\n');
            var line = lineFeed < 0 ? utf8 : utf8[..lineFeed];
            endsWithLineBreak = lineFeed >= 0;
            utf8 = lineFeed < 0 ? default : utf8[(lineFeed + 1)..];
            if (endsWithLineBreak && line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            // One reservation per line, for its worst case: every byte escaped, a soft break every 72 characters, CRLF.
            var destination = writer.Reserve((3 * line.Length) + (3 * ((3 * line.Length / 72) + 1)) + 2);
            var written = EncodeLine(line, destination);
            if (endsWithLineBreak)
            {
                destination[written++] = (byte)'\r';
                destination[written++] = (byte)'\n';
            }

            writer.Advance(written);
        }

        writer.Commit();
        return endsWithLineBreak;
    }

    // One line, without its line break, into at most 76 characters per encoded line.
    private static int EncodeLine(ReadOnlySpan<byte> line, Span<byte> destination)
    {
        var written = 0;
        var column = 0;
        var position = 0;
        while (position < line.Length)
        {
            // A run written as it is: most of an ordinary line. Whitespace that would end the line is escaped instead.
            var run = line[position..].IndexOfAnyExcept(Literal);
            if (run < 0)
            {
                run = line.Length - position;
                if (line[^1] is (byte)' ' or (byte)'\t')
                {
                    run--;
                }
            }

            while (run > 0)
            {
                var room = MaxEncodedLine - 1 - column;
                if (room <= 0)
                {
                    written += SoftBreak(destination[written..]);
                    column = 0;
                    continue;
                }

                var take = Math.Min(room, run);
                line.Slice(position, take).CopyTo(destination[written..]);
                written += take;
                column += take;
                position += take;
                run -= take;
            }

            // Everything else as =XX, and whitespace ending the line (a receiver may strip it): a whole run of such bytes
            // (a UTF-8 sequence, say) in one go.
            while (position < line.Length
                && (line[position] >= 0x80 || !Literal.Contains(line[position]) || (position == line.Length - 1 && line[position] is (byte)' ' or (byte)'\t')))
            {
                if (column + 3 > MaxEncodedLine - 1)
                {
                    written += SoftBreak(destination[written..]);
                    column = 0;
                }

                var b = line[position++];
                destination[written++] = (byte)'=';
                destination[written++] = Hex[b >> 4];
                destination[written++] = Hex[b & 0xF];
                column += 3;
            }
        }

        return written;
    }

    private static int SoftBreak(Span<byte> destination)
    {
        "=\r\n"u8.CopyTo(destination);
        return 3;
    }
}
