using System;

namespace Mailing.Analyzers.Smtp;

/// <summary>Tells a real secret from an empty value or an obvious placeholder.</summary>
internal static class SecretValues
{
    public static bool LooksLikeSecret(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        // Placeholders that tooling substitutes or that say "fill me in" are not secrets.
        return !(text.StartsWith("${", StringComparison.Ordinal)
            || text.StartsWith("#{", StringComparison.Ordinal)
            || (text.StartsWith("%", StringComparison.Ordinal) && text.EndsWith("%", StringComparison.Ordinal))
            || (text.StartsWith("<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal))
            || (text.StartsWith("{", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal))
            || text.IndexOf("placeholder", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("changeme", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("your-", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("your_", StringComparison.OrdinalIgnoreCase) >= 0
            || text.Trim('*', 'x', 'X').Length == 0);
    }
}
