using System.Text.RegularExpressions;

namespace Mailing;

/// <summary>
/// An allowed-recipient pattern for staging: an address (<c>ann@example.com</c>), a domain (<c>@company.test</c> or
/// <c>*@company.test</c>), or any glob with <c>*</c> (<c>qa+*@company.test</c>). Case-insensitive.
/// </summary>
internal sealed class RecipientPattern
{
    private readonly Regex _regex;

    private RecipientPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    public static bool TryParse(string text, out RecipientPattern? pattern, out string? error)
    {
        pattern = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 320 || trimmed.Any(char.IsWhiteSpace) || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            error = $"\"{text}\" is not a recipient pattern: write an address (ann@example.com), a domain (@company.test) or a glob (*@company.test).";
            return false;
        }

        var glob = trimmed.StartsWith('@') ? "*" + trimmed : trimmed;
        var regex = "^" + string.Join(".*", glob.Split('*').Select(Regex.Escape)) + "$";
        pattern = new RecipientPattern(trimmed, new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        error = null;
        return true;
    }

    public bool Matches(EmailAddress address) => _regex.IsMatch(address.Address);

    public override string ToString() => Text;
}
