namespace Mailing;

/// <summary>The one spelling of an address the suppression list stores and compares: lower case, the domain as punycode.</summary>
/// <remarks>
/// RFC 5321 lets a server treat local parts case-sensitively, but no mailbox provider does and every provider's own
/// suppression list ignores case, so <c>Ann@Example.com</c> and <c>ann@example.com</c> are one entry.
/// </remarks>
internal static class SuppressionKey
{
    public static string For(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.Address;
        var at = text.LastIndexOf('@');
        return string.Concat(text.AsSpan(0, at + 1), EmailAddressValidator.ToAsciiDomain(text[(at + 1)..])).ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="text"/> has the shape <see cref="For"/> gives: <c>local@domain</c>, lower case, no spaces, commas or quotes.</summary>
    public static bool LooksLikeKey(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1 && !text.Any(c => char.IsWhiteSpace(c) || char.IsUpper(c) || c is ',' or '"' or '<' or '>' || char.IsControl(c));
    }

    /// <summary>Checks a source text before it is stored: one line, not empty.</summary>
    /// <exception cref="ArgumentException">The source is empty or has a line break.</exception>
    public static string ThrowIfInvalidSource(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return MessageFieldValidator.ThrowIfHasLineBreak(source, nameof(source));
    }
}
