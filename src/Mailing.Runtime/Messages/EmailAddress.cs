using MimeKit;

namespace Mailing;

/// <summary>An email address with an optional display name, validated when it is created.</summary>
/// <param name="Address">
/// The address alone (<c>ann@example.com</c>): a local part, <c>@</c>, and a domain. International
/// domains (<c>ann@bücher.example</c>) and UTF-8 local parts are accepted the way MimeKit accepts them;
/// domains are written as punycode where the wire format needs it.
/// </param>
/// <param name="DisplayName">The name shown to the reader (<c>Ann Smith</c>), or <see langword="null"/>.</param>
/// <remarks>
/// Every way of creating an address validates it: the constructor and the implicit conversion throw
/// <see cref="ArgumentException"/>, <see cref="Parse"/> throws <see cref="FormatException"/>, and
/// <see cref="TryParse(string?, out EmailAddress?)"/> returns <see langword="false"/>. A carriage return or line feed is never
/// accepted, in the address or in the display name, so an address cannot smuggle a header into a message.
/// </remarks>
public sealed record EmailAddress(string Address, string? DisplayName = null)
{
    /// <summary>The address alone, e.g. <c>ann@example.com</c>.</summary>
    public string Address { get; } = EmailAddressValidator.ThrowIfInvalidAddress(Address, nameof(Address));

    /// <summary>The name shown to the reader, or <see langword="null"/> when there is none.</summary>
    public string? DisplayName { get; } = EmailAddressValidator.ThrowIfInvalidDisplayName(DisplayName, nameof(DisplayName));

    /// <summary>The domain part of <see cref="Address"/> (after the last <c>@</c>), as written.</summary>
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    /// <summary>
    /// Parses <c>ann@example.com</c>, <c>Ann Smith &lt;ann@example.com&gt;</c> or
    /// <c>"Smith, Ann" &lt;ann@example.com&gt;</c>.
    /// </summary>
    /// <param name="value">One mailbox; lists and groups are refused.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not exactly one valid address; the message says what is wrong.</exception>
    public static EmailAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParseCore(value, out var address, out var error) ? address : throw new FormatException(error);
    }

    /// <summary>Parses one address like <see cref="Parse"/> but reports failure instead of throwing.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="address">The parsed address, when the method returns <see langword="true"/>.</param>
    /// <returns>Whether <paramref name="value"/> was exactly one valid address.</returns>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmailAddress? address) =>
        TryParseCore(value, out address, out _);

    /// <summary>Converts <c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>, as <see cref="Parse"/> does.</summary>
    /// <exception cref="ArgumentException">The text is not a valid address; the message is the same reason <see cref="Parse"/> gives.</exception>
    /// <remarks>For input from a form or an API, use <see cref="TryParse(string?, out EmailAddress?)"/> and answer 400 instead of letting this throw.</remarks>
    public static implicit operator EmailAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // No parameter name: it would append " (Parameter 'value')", which says nothing to the person who typed the address.
        return TryParse(value, out var address, out var error) ? address : throw new ArgumentException(error);
    }

    /// <summary>Parses one address like <see cref="Parse"/>, giving the reason when it is not one.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="address">The parsed address, when the method returns <see langword="true"/>.</param>
    /// <param name="error">Why the text is not one valid address, in words to show the person who typed it.</param>
    /// <returns>Whether <paramref name="value"/> was exactly one valid address.</returns>
    public static bool TryParse(
        string? value,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmailAddress? address,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error) =>
        TryParseCore(value, out address, out error);

    /// <summary>Formats the address as it would appear in a header, e.g. <c>"Smith, Ann" &lt;ann@example.com&gt;</c>.</summary>
    public override string ToString() => ToMailboxAddress().ToString();

    internal MailboxAddress ToMailboxAddress() => new(DisplayName ?? "", Address);

    private static bool TryParseCore(
        string? value,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmailAddress? address,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "The email address is empty: expected something like \"ann@example.com\" or \"Ann <ann@example.com>\".";
            return false;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            error = "The email address contains a line break (CR or LF), which could inject mail headers; remove it.";
            return false;
        }

        var text = value.Trim();
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            error = $"\"{text}\" is not an email address: it has no '@' (expected something like \"ann@example.com\").";
            return false;
        }

        error = EmailAddressValidator.DescribeMailboxShapeProblem(text);
        if (error is not null)
        {
            return false;
        }

        if (!InternetAddressList.TryParse(EmailAddressValidator.StrictParserOptions, text, out var list) || list.Count != 1 || list[0] is not MailboxAddress mailbox)
        {
            // MimeKit did not give a reason; re-run our own checks on the address-looking part to name one.
            var candidate = text.EndsWith('>') && text.LastIndexOf('<') is var open and >= 0 ? text[(open + 1)..^1] : text;
            error = EmailAddressValidator.DescribeProblem(candidate)
                ?? $"\"{text}\" is not one valid email address (expected \"ann@example.com\" or \"Ann <ann@example.com>\"; quote display names that contain commas).";
            return false;
        }

        var problem = EmailAddressValidator.DescribeProblem(mailbox.Address);
        if (problem is not null)
        {
            error = problem;
            return false;
        }

        address = new EmailAddress(mailbox.Address, string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name);
        error = null;
        return true;
    }
}
