using System.Globalization;
using MimeKit;

namespace Mailing;

/// <summary>The rules an <see cref="EmailAddress"/> must satisfy, with a plain-words reason when it does not.</summary>
internal static class EmailAddressValidator
{
    // RFC 5321 §4.5.3.1: 64 octets of local part, 255 of domain; a whole path is at most 256 with the brackets.
    private const int MaxLocalPartLength = 64;
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static ParserOptions StrictParserOptions { get; } = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
        RespectContentLength = false,
    };

    public static string ThrowIfInvalidAddress(string address, string paramName)
    {
        ArgumentNullException.ThrowIfNull(address, paramName);
        var problem = DescribeProblem(address);
        return problem is null ? address : throw new ArgumentException(problem, paramName);
    }

    public static string? ThrowIfInvalidDisplayName(string? displayName, string paramName)
    {
        if (displayName is null)
        {
            return null;
        }

        if (displayName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The display name of an email address contains a line break (CR or LF), which could inject mail headers; remove it. ({paramName})", paramName);
        }

        if (EncodedWordLookalikeEncoder.NeedsEncoding(displayName))
        {
            // Receivers would decode it into different text (a spoofing vector); Parse already decodes real encoded words.
            throw new ArgumentException($"The display name \"{displayName}\" contains an RFC 2047 encoded word (=?charset?encoding?text?=); pass the decoded text instead. ({paramName})", paramName);
        }

        return displayName.Length == 0 ? null : displayName;
    }

    /// <summary>Returns why <paramref name="address"/> (a bare addr-spec) is not valid, or <see langword="null"/> when it is.</summary>
    public static string? DescribeProblem(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "The email address is empty: expected something like \"ann@example.com\".";
        }

        if (address.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return "The email address contains a line break (CR or LF), which could inject mail headers; remove it.";
        }

        var at = address.LastIndexOf('@');
        if (at < 0)
        {
            return $"\"{address}\" is not an email address: it has no '@' (expected something like \"ann@example.com\").";
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length == 0)
        {
            return $"\"{address}\" has nothing before the '@': expected a mailbox name such as \"ann@{domain}\".";
        }

        if (System.Text.Encoding.UTF8.GetByteCount(local) > MaxLocalPartLength)
        {
            return $"The part before the '@' in \"{address}\" is longer than the {MaxLocalPartLength} bytes SMTP allows.";
        }

        if (local.Any(char.IsWhiteSpace) && !(local.StartsWith('"') && local.EndsWith('"')))
        {
            return $"\"{address}\" contains a space before the '@'; remove it (or quote the local part).";
        }

        var domainProblem = DescribeDomainProblem(domain);
        if (domainProblem is not null)
        {
            return $"\"{address}\" has an invalid domain: {domainProblem}";
        }

        if (local.Contains('@', StringComparison.Ordinal) && !(local.StartsWith('"') && local.EndsWith('"')))
        {
            return $"\"{address}\" has more than one '@': an address has exactly one outside quotes (\"ann@example.com\").";
        }

        var localProblem = DescribeLocalPartProblem(local);
        if (localProblem is not null)
        {
            return $"\"{address}\" is not a valid email address: the part before the '@' {localProblem}.";
        }

        // Let MimeKit have the final word on the local part's syntax (dots, quoting, UTF-8).
        if (!MailboxAddress.TryParse(StrictParserOptions, address, out var parsed) || !string.IsNullOrEmpty(parsed.Name) ||
            !string.Equals(parsed.Address, address, StringComparison.Ordinal))
        {
            return $"\"{address}\" is not a valid email address: the part before the '@' has characters or dots that must be quoted.";
        }

        return null;
    }

    /// <summary>
    /// Returns why <paramref name="text"/> cannot be one mailbox (<c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>)
    /// before its parts are looked at: a list, unbalanced brackets or quotes, text after the address; <see langword="null"/> otherwise.
    /// </summary>
    public static string? DescribeMailboxShapeProblem(string text)
    {
        var inQuotes = false;
        var opens = 0;
        var closes = 0;
        var commaOutside = false;
        var textAfterClose = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '<':
                    opens++;
                    break;
                case '>':
                    closes++;
                    break;
                case ',' when opens == closes:
                    commaOutside = true;
                    break;
                default:
                    textAfterClose |= closes > 0 && !char.IsWhiteSpace(c);
                    break;
            }
        }

        if (inQuotes)
        {
            return $"\"{text}\" has an opening quote (\") without a closing one.";
        }

        if (commaOutside)
        {
            return $"\"{text}\" is a list of addresses separated by commas, or a display name with a comma that is not quoted: give one address, and quote such a name (\"Smith, Ann\" <ann@example.com>).";
        }

        if (opens != closes || opens > 1)
        {
            return opens > closes
                ? $"\"{text}\" has a '<' without a closing '>': write \"Ann <ann@example.com>\" or the address alone."
                : opens < closes
                    ? $"\"{text}\" has a '>' without an opening '<': write \"Ann <ann@example.com>\" or the address alone."
                    : $"\"{text}\" has more than one address in angle brackets; give one.";
        }

        return textAfterClose ? $"\"{text}\" has text after the closing '>'; the display name goes before the address: \"Ann <ann@example.com>\"." : null;
    }

    private static string? DescribeLocalPartProblem(string local)
    {
        if (local.StartsWith('"') && local.EndsWith('"') && local.Length > 1)
        {
            return null; // a quoted local part may hold anything but CR/LF; MimeKit checks the quoting
        }

        if (local.StartsWith('.'))
        {
            return "starts with a dot";
        }

        if (local.EndsWith('.'))
        {
            return "ends with a dot";
        }

        if (local.Contains("..", StringComparison.Ordinal))
        {
            return "has two dots in a row";
        }

        var special = local.IndexOfAny(['<', '>', '(', ')', '[', ']', '\\', ',', ';', ':', '"']);
        return special >= 0 ? $"has '{local[special]}', which is only allowed inside quotes (\"...\"@example.com)" : null;
    }

    private static string? DescribeDomainProblem(string domain)
    {
        if (domain.Length == 0)
        {
            return "nothing follows the '@'; expected a domain such as \"example.com\".";
        }

        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            if (literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
            {
                literal = literal[5..];
            }

            return System.Net.IPAddress.TryParse(literal, out _) ? null : $"\"{domain}\" is not an IP address literal.";
        }

        string ascii;
        try
        {
            // Accepts Unicode (IDN) domains; validates each label's characters and hyphens (STD3 rules).
            ascii = Idn.GetAscii(domain.TrimEnd('.'));
        }
        catch (ArgumentException)
        {
            return $"\"{domain}\" is not a valid domain name (letters, digits and hyphens between dots; no leading or trailing hyphen or dot, no empty labels).";
        }

        if (ascii.Length > MaxDomainLength)
        {
            return $"\"{domain}\" is longer than the {MaxDomainLength} characters a domain name may have.";
        }

        foreach (var label in ascii.Split('.'))
        {
            if (label.Length is 0 or > MaxLabelLength)
            {
                return $"\"{domain}\" has an empty label or one longer than {MaxLabelLength} characters.";
            }
        }

        return null;
    }

    /// <summary>The domain in the ASCII (punycode) form DNS and SMTP servers without SMTPUTF8 need.</summary>
    public static string ToAsciiDomain(string domain) =>
        domain.StartsWith('[') ? domain
        : System.Text.Ascii.IsValid(domain) ? domain.TrimEnd('.').ToLowerInvariant() // what UTS #46 mapping does to ASCII
        : Idn.GetAscii(domain.TrimEnd('.'));
}
