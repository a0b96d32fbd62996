using MimeKit;

namespace Mailing;

/// <summary>
/// Rejects text that would end up in a header and could break out of it. Every error names the field,
/// so <c>Subject</c> with a line break says "Subject", not "value".
/// </summary>
internal static class MessageFieldValidator
{
    // RFC 5322 §2.2: a field name is printable US-ASCII except the colon.
    private const char FirstFieldNameChar = '!';
    private const char LastFieldNameChar = '~';

    /// <summary>Headers the message model writes itself; setting them as custom headers would duplicate or contradict it.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date", "Message-Id",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-Id",
        "Importance", "Priority", "X-Priority",
    };

    public static string ThrowIfHasLineBreak(string value, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(value, fieldName);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"{fieldName} contains a line break (CR or LF). Header values must be a single line: a line break could inject extra headers. Remove it.", fieldName);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{fieldName} contains a NUL character, which no mail header may carry. Remove it.", fieldName);
        }

        return value;
    }

    public static string? ThrowIfHasLineBreakOrNull(string? value, string fieldName) =>
        value is null ? null : ThrowIfHasLineBreak(value, fieldName);

    public static void ThrowIfInvalidHeaderName(string name, string fieldName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"{fieldName} has a header with an empty name.", fieldName);
        }

        foreach (var c in name)
        {
            if (c is < FirstFieldNameChar or > LastFieldNameChar or ':')
            {
                throw new ArgumentException($"{fieldName} has a header named \"{Printable(name)}\": header names may contain only printable ASCII letters, digits and punctuation, without spaces or ':'.", fieldName);
            }
        }

        if (ReservedHeaders.Contains(name))
        {
            throw new ArgumentException($"{fieldName} cannot set \"{name}\": the message writes that header itself; use the matching EmailMessage property instead.", fieldName);
        }
    }

    public static string ThrowIfInvalidFileName(string fileName, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fileName, fieldName);
        ThrowIfHasLineBreak(fileName, fieldName);
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException($"{fieldName} is empty: give the name the reader should see, e.g. \"invoice.pdf\".", fieldName);
        }

        if (fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"{fieldName} \"{fileName}\" contains a path separator: give only the file name the reader should see, e.g. \"{Path.GetFileName(fileName.Replace('\\', '/'))}\".", fieldName);
        }

        return fileName;
    }

    public static string ThrowIfInvalidContentType(string contentType, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(contentType, fieldName);
        ThrowIfHasLineBreak(contentType, fieldName);
        if (!ContentType.TryParse(contentType, out var parsed) || string.IsNullOrEmpty(parsed.MediaSubtype))
        {
            throw new ArgumentException($"{fieldName} \"{contentType}\" is not a MIME type; expected something like \"application/pdf\" or \"image/png\".", fieldName);
        }

        return contentType;
    }

    public static string ThrowIfInvalidContentId(string contentId, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(contentId, fieldName);
        ThrowIfHasLineBreak(contentId, fieldName);
        if (contentId.Length == 0 || contentId.Any(c => c is '<' or '>' or '"' or '(' or ')' or ',' or ';' or ':' or '\\' or '[' or ']' || char.IsWhiteSpace(c) || c > '~'))
        {
            throw new ArgumentException($"{fieldName} \"{Printable(contentId)}\" is not a usable content id: use letters, digits, '.', '-', '_' or '@' (e.g. \"logo\" or \"logo@shop.example\"), and refer to it as src=\"cid:logo\".", fieldName);
        }

        return contentId;
    }

    private static string Printable(string value) => value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
