using System.Globalization;
using System.Text.RegularExpressions;

namespace Mailing.Webhooks;

/// <summary>
/// Finds the SMTP reply code and the RFC 3463 enhanced status code in a server's text as providers pass it on:
/// <c>550 5.1.1 The email account that you tried to reach does not exist</c>, <c>smtp; 550 5.1.1 user unknown</c>.
/// </summary>
internal static partial class SmtpDiagnostic
{
    public static (int? StatusCode, string? EnhancedStatusCode) Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var reply = ReplyCode().Match(text);
        var enhanced = EnhancedCode().Match(text);
        return (
            reply.Success ? int.Parse(reply.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null,
            enhanced.Success ? enhanced.Groups[1].Value : null);
    }

    // A reply code is three digits starting 2, 4 or 5, standing alone (not part of a longer number or a dotted code).
    [GeneratedRegex(@"(?<![\d.])([245][0-9]{2})(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyCode();

    [GeneratedRegex(@"(?<![\d.])([245]\.[0-9]{1,3}\.[0-9]{1,3})(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedCode();
}
