using System.Globalization;
using System.Text;

namespace Mailing.DevInbox.Storage;

/// <summary>
/// A search over the inbox in Mailpit's syntax: <c>from:</c>, <c>to:</c>, <c>subject:</c>,
/// <c>has:attachment</c>, <c>before:</c>, <c>after:</c> and free text; terms combine with AND,
/// values in double quotes may contain spaces, and every match ignores case.
/// </summary>
internal sealed class MessageQuery
{
    private readonly List<Func<StoredMessage, bool>> _terms = [];

    private MessageQuery()
    {
    }

    public static MessageQuery All { get; } = new();

    public static MessageQuery Parse(string? text)
    {
        var query = new MessageQuery();
        foreach (var token in Tokenize(text ?? ""))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? token[..colon].ToLowerInvariant() : "";
            var value = colon > 0 ? Unquote(token[(colon + 1)..]) : Unquote(token);
            Func<StoredMessage, bool> term = key switch
            {
                "from" => message => Has(message.From, value) || Has(message.MailFrom, value),
                "to" => message => Has(message.Message.GetRecipients().ToString() ?? "", value)
                    || message.Message.GetRecipients().Any(mailbox => Has(mailbox.ToString(), value))
                    || message.RcptTo.Any(address => Has(address, value)),
                "subject" => message => Has(message.Subject, value),
                "has" when value.Equals("attachment", StringComparison.OrdinalIgnoreCase) => message => message.HasAttachments,
                "before" when TryDate(value, out var before) => message => message.ReceivedAt < before,
                "after" when TryDate(value, out var after) => message => message.ReceivedAt >= after,
                _ => message => Has(message.Subject, token) || Has(message.From, token)
                    || message.To.Any(address => Has(address, token)) || Has(message.Message.TextBody ?? "", Unquote(token)),
            };
            query._terms.Add(term);
        }

        return query;
    }

    /// <summary>A query from the wait endpoint's <c>to=</c> and <c>subject=</c> parameters.</summary>
    public static MessageQuery From(string? search, string? to, string? subject)
    {
        var query = Parse(search);
        if (!string.IsNullOrEmpty(to))
        {
            query._terms.AddRange(Parse($"to:\"{to}\"")._terms);
        }

        if (!string.IsNullOrEmpty(subject))
        {
            query._terms.AddRange(Parse($"subject:\"{subject}\"")._terms);
        }

        return query;
    }

    public bool Matches(StoredMessage message) => _terms.TrueForAll(term => term(message));

    private static bool Has(string haystack, string needle) => haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static bool TryDate(string value, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value.Trim('"');

    private static IEnumerable<string> Tokenize(string text)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
