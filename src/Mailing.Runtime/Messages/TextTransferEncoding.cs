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

    // RFC 5322 §2.1.1 and RFC 2045 §2.8: a line of 8bit data is at most 998 octets before its CRLF. MailKit prepares a
    // message for an 8BITMIME server with this limit (GetBestEncoding(EncodingConstraint.EightBit, 998)).
    private const int MaxEightBitLine = 998;

    // RFC 2045 §6.7 (5): encoded lines are at most 76 characters, the '=' of a soft line break included.
    private const int MaxEncodedLine = 76;

    // What quoted-printable writes as it is: printable ASCII except '=' (RFC 2045 §6.7 (2)), and space and tab (§6.7 (3)),
    // except as the last character of a line.
    private static readonly SearchValues<byte> Literal = SearchValues.Create(
        " \t!\"#$%&'()*+,-./0123456789:;<>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>
    /// Whether <paramref name="utf8"/> can go as <c>7bit</c>: no NUL, nothing above 127, no line over 78 characters
    /// and no line break after a line that starts with <c>From </c> (mbox would mangle it), as MimeKit decides it.
    /// </summary>
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
                // MimeKit counts a last, unterminated line whole (a trailing CR included) and does not look for "From " in it.
                return utf8.Length <= MaxSevenBitLine;
            }

            var line = utf8[..lineFeed];
            var length = line.Length > 0 && line[^1] == (byte)'\r' ? line.Length - 1 : line.Length;
            if (length > MaxSevenBitLine || line.StartsWith("From "u8))
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
    public static bool IsEightBit(ReadOnlySpan<char> text) =>
        !System.Text.Ascii.IsValid(text)
        && !text.Contains('\0')
        && !BareLineBreaks.ContainsBareCarriageReturn(text)
        && !EndsALineStartingWithFrom(text)
        && LinesFitEightBit(text);

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

    // MimeKit's mbox rule: a line that starts with "From " and has a line break after it (the last, unterminated line is not
    // looked at). Only the first such line matters: either it is terminated, or it is the last line.
    private static bool EndsALineStartingWithFrom(ReadOnlySpan<char> text)
    {
        var from = text.StartsWith("From ", StringComparison.Ordinal) ? 0 : text.IndexOf("\nFrom ", StringComparison.Ordinal);
        return from >= 0 && text[(from + 1)..].Contains('\n');
    }

    // Every line, its CR not counted (the text has no bare CR), within 998 octets in UTF-8. A UTF-16 character is at most 3
    // UTF-8 bytes (a surrogate pair is 4 for 2), so a line of up to 332 characters fits whatever it holds: the text is read
    // a window of 333 characters at a time, jumping to the last LF in it, and only a line without one is counted.
    private static bool LinesFitEightBit(ReadOnlySpan<char> text)
    {
        const int SureFit = MaxEightBitLine / 3;
        while (text.Length > SureFit)
        {
            var lastLineFeed = text[..(SureFit + 1)].LastIndexOf('\n');
            if (lastLineFeed >= 0)
            {
                text = text[(lastLineFeed + 1)..];
                continue;
            }

            var lineFeed = text.IndexOf('\n');
            var line = lineFeed < 0 ? text : text[..lineFeed];
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.Length > MaxEightBitLine || System.Text.Encoding.UTF8.GetByteCount(line) > MaxEightBitLine)
            {
                return false;
            }

            if (lineFeed < 0)
            {
                break;
            }

            text = text[(lineFeed + 1)..];
        }

        return true;
    }

    private static int SoftBreak(Span<byte> destination)
    {
        "=\r\n"u8.CopyTo(destination);
        return 3;
    }
}
