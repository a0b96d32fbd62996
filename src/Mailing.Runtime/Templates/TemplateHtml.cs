using System.ComponentModel;

namespace Mailing.Templates;

/// <summary>HTML escaping for values written into HTML templates, safe in text and in quoted attributes.</summary>
/// <remarks>
/// Only the five characters that can end a text run or an attribute value are escaped; other
/// characters (accents, emoji) pass through, since mail bodies are sent as UTF-8.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateHtml
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> in <paramref name="value"/>.</summary>
    /// <param name="value">The text to escape.</param>
    /// <returns>The escaped text; <see langword="null"/> stays <see langword="null"/>.</returns>
    public static string? Escape(string? value)
    {
        if (value is null || value.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return value;
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Escape(writer, value);
        return writer.ToString();
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="writer"/> with <c>&amp; &lt; &gt; " '</c> escaped.</summary>
    /// <param name="writer">Where the text goes.</param>
    /// <param name="value">The text to escape.</param>
    public static void Escape(TextWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var rest = value.AsSpan();
        while (true)
        {
            var next = rest.IndexOfAny("&<>\"'");
            if (next < 0)
            {
                writer.Write(rest);
                return;
            }

            writer.Write(rest[..next]);
            writer.Write(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            rest = rest[(next + 1)..];
        }
    }
}
