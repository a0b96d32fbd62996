using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mailing;

/// <summary>
/// Whether every line of a text part can go as <c>8bit</c>, read in one vectorized pass over the characters.
/// </summary>
/// <remarks>
/// The rules are MimeKit's for <c>GetBestEncoding(EncodingConstraint.EightBit, 998)</c>, and stricter in one place: no NUL;
/// no CR outside a CRLF (RFC 5322 allows CR only there, and servers differ in what they make of a bare one: it is part of
/// the SMTP smuggling tricks); no line over 998 octets in UTF-8, its CR not counted (RFC 5322 §2.1.1, RFC 2045 §2.8); no line
/// break after a line that starts with <c>From </c> (mbox would mangle it; the last, unterminated line is not looked at).
/// A 100 KB body read once per rule costs four passes over memory, more than its UTF-8 encoding; here the checks share one,
/// and only what is rare (a line feed, a long line, an <c>F</c> after a line feed) is looked at one character at a time.
/// </remarks>
internal static class EightBitLines
{
    private const int MaxLine = 998;

    // A UTF-16 character is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2): a line this short fits whatever it holds.
    private const int SureFit = MaxLine / 3;

    /// <summary>Whether every line of <paramref name="text"/> can go as 8bit.</summary>
    /// <param name="text">The text part.</param>
    /// <param name="hasBareLineFeeds">Whether a line ends with an LF alone, which must be written as CRLF; when it has none, the
    /// text's UTF-8 is the part's content as it stands.</param>
    public static bool AllFit(ReadOnlySpan<char> text, out bool hasBareLineFeeds)
    {
        hasBareLineFeeds = false;
        if (StartsTerminatedFromLine(text, 0))
        {
            return false;
        }

        var units = MemoryMarshal.Cast<char, ushort>(text);
        var lineStart = 0;
        var index = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(units);
            var carriageReturn = Vector128.Create((ushort)'\r');
            var lineFeed = Vector128.Create((ushort)'\n');

            // Each block is read with the one after it shifted in, so a CR is seen with the character that follows it; the last
            // character is left to the loop below.
            for (; index <= units.Length - Vector128<ushort>.Count - 1; index += Vector128<ushort>.Count)
            {
                var current = Vector128.LoadUnsafe(ref start, (nuint)index);
                var next = Vector128.LoadUnsafe(ref start, (nuint)(index + 1));
                var refused = Vector128.Equals(current, Vector128<ushort>.Zero)
                    | Vector128.AndNot(Vector128.Equals(current, carriageReturn), Vector128.Equals(next, lineFeed));
                if (refused != Vector128<ushort>.Zero)
                {
                    return false;
                }

                for (var lineFeeds = Vector128.Equals(current, lineFeed).ExtractMostSignificantBits(); lineFeeds != 0; lineFeeds &= lineFeeds - 1)
                {
                    var end = index + BitOperations.TrailingZeroCount(lineFeeds);
                    if (!EndsLineThatFits(text, lineStart, end, ref hasBareLineFeeds))
                    {
                        return false;
                    }

                    lineStart = end + 1;
                }
            }
        }

        for (; index < units.Length; index++)
        {
            var character = units[index];
            if (character == 0 || (character == '\r' && (index + 1 == units.Length || units[index + 1] != '\n')))
            {
                return false;
            }

            if (character == '\n')
            {
                if (!EndsLineThatFits(text, lineStart, index, ref hasBareLineFeeds))
                {
                    return false;
                }

                lineStart = index + 1;
            }
        }

        return Fits(text[lineStart..]);
    }

    // The line from lineStart to the LF at end fits, and the next line is not a terminated "From " line.
    private static bool EndsLineThatFits(ReadOnlySpan<char> text, int lineStart, int end, ref bool hasBareLineFeeds)
    {
        var line = text[lineStart..end];
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }
        else
        {
            hasBareLineFeeds = true;
        }

        return Fits(line) && !StartsTerminatedFromLine(text, end + 1);
    }

    private static bool Fits(ReadOnlySpan<char> line) =>
        line.Length <= SureFit || (line.Length <= MaxLine && System.Text.Encoding.UTF8.GetByteCount(line) <= MaxLine);

    private static bool StartsTerminatedFromLine(ReadOnlySpan<char> text, int lineStart) =>
        lineStart < text.Length
        && text[lineStart] == 'F'
        && text[lineStart..].StartsWith("From ", StringComparison.Ordinal)
        && text[lineStart..].Contains('\n');
}
