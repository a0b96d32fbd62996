using System.Text;
using Mailing.Transports.Local;

namespace Mailing.Testing;

/// <summary>Describes captured messages for assertion failures, so a failed test shows what was sent instead.</summary>
internal static class SentMailDescription
{
    private const int MaxListed = 20;

    public static string Describe(IReadOnlyList<SentEmail> sent)
    {
        if (sent.Count == 0)
        {
            return "Nothing was sent.";
        }

        var text = new StringBuilder().Append(sent.Count == 1 ? "1 message was sent:" : $"{sent.Count} messages were sent:");
        for (var i = 0; i < sent.Count && i < MaxListed; i++)
        {
            text.AppendLine().Append("  ").Append(i + 1).Append(". ").Append(sent[i]);
        }

        if (sent.Count > MaxListed)
        {
            text.AppendLine().Append("  ... and ").Append(sent.Count - MaxListed).Append(" more");
        }

        return text.ToString();
    }

    public static string Describe(SentEmail email) =>
        $"the message {email} (Message-Id {email.MessageId})";

    public static string Excerpt(string? text, int max = 300)
    {
        if (text is null)
        {
            return "(none)";
        }

        var oneLine = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return oneLine.Length <= max ? $"\"{oneLine}\"" : $"\"{oneLine[..max]}...\" ({text.Length} characters)";
    }
}
