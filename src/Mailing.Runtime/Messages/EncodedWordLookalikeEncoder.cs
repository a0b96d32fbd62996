using System.Text;
using MimeKit;

namespace Mailing;

/// <summary>
/// Encodes header text that contains something shaped like an RFC 2047 encoded word (<c>=?utf-8?q?...?=</c>).
/// </summary>
/// <remarks>
/// MimeKit writes such text as-is when it is otherwise ASCII, and every receiver then decodes it: a subject
/// that literally says <c>=?utf-8?b?UGF5IG5vdw==?=</c> would arrive as "Pay now". RFC 2047 §5 requires
/// text that could be mistaken for an encoded word to be encoded itself, so the whole value is written as
/// base64 encoded words, which decode back to exactly the original text.
/// </remarks>
internal static class EncodedWordLookalikeEncoder
{
    // RFC 2047 §2: an encoded word is at most 75 characters; "=?utf-8?b?" + 60 base64 chars + "?=" is 72,
    // which with the folding space keeps continuation lines within RFC 5322's recommended 78.
    private const int MaxBytesPerWord = 45;
    private const int RecommendedLineLength = 78;
    private const int WordOverhead = 12;
    private const int MinBytesPerWord = 6;

    public static bool NeedsEncoding(string value)
    {
        var start = value.IndexOf("=?", StringComparison.Ordinal);
        return start >= 0 && value.IndexOf("?=", start + 2, StringComparison.Ordinal) >= 0;
    }

    /// <summary>Sets <paramref name="field"/> to <paramref name="value"/>, encoding the value entirely when it contains an encoded-word look-alike.</summary>
    public static void Set(HeaderList headers, string field, string value)
    {
        if (!NeedsEncoding(value))
        {
            headers.Replace(field, value);
            return;
        }

        var header = new Header(field, "");
        header.SetRawValue(Encoding.ASCII.GetBytes(Encode(field, value)));
        headers.Replace(header);
    }

    /// <summary>The folded raw value: <c> =?utf-8?b?...?=</c> words, one per line, ending with a newline.</summary>
    public static string Encode(string field, string value)
    {
        // The first word shares its line with "Field: ".
        var budget = Math.Clamp((RecommendedLineLength - field.Length - 2 - WordOverhead) / 4 * 3, MinBytesPerWord, MaxBytesPerWord);
        var raw = new StringBuilder();
        var word = new List<byte>(MaxBytesPerWord);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            if (word.Count + length > budget)
            {
                AppendWord(raw, word);
                word.Clear();
                budget = MaxBytesPerWord;
            }

            for (var i = 0; i < length; i++)
            {
                word.Add(buffer[i]);
            }
        }

        AppendWord(raw, word);
        return raw.Append('\n').ToString();
    }

    private static void AppendWord(StringBuilder raw, List<byte> word)
    {
        if (word.Count == 0)
        {
            return;
        }

        if (raw.Length > 0)
        {
            raw.Append('\n');
        }

        raw.Append(" =?utf-8?b?").Append(Convert.ToBase64String(word.ToArray())).Append("?=");
    }
}
