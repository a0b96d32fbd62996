using AngleSharp;
using AngleSharp.Html.Parser;

namespace Mailing.Benchmarks.Rendering;

/// <summary>
/// Compares renderers' HTML as documents, not as bytes: PreMailer re-serializes its input and
/// <c>WebUtility.HtmlEncode</c> writes <c>ë</c> as <c>&amp;#235;</c>, neither of which changes what
/// a mail client shows. Everything else (text, attributes, inlined styles, whitespace) must match.
/// </summary>
internal static class ReceiptEquivalence
{
    private static readonly HtmlParser Parser = new();

    public static string Normalize(string html, bool withoutStyleAttributes = false)
    {
        using var document = Parser.ParseDocument(html);
        if (withoutStyleAttributes)
        {
            foreach (var element in document.QuerySelectorAll("[style]"))
            {
                element.RemoveAttribute("style");
            }
        }

        return document.ToHtml();
    }

    public static void Require(string renderer, string actual, string expected)
    {
        if (actual == expected)
        {
            return;
        }

        var at = 0;
        while (at < actual.Length && at < expected.Length && actual[at] == expected[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 60);
        throw new InvalidOperationException(
            $"{renderer} does not render the same receipt as the hand-written baseline, so the comparison would not be fair. " +
            $"First difference at character {at}:\n  expected …{Excerpt(expected, from)}…\n  actual   …{Excerpt(actual, from)}…");
    }

    private static string Excerpt(string text, int from) =>
        from >= text.Length ? string.Empty : text.Substring(from, Math.Min(120, text.Length - from)).Replace("\n", "\\n", StringComparison.Ordinal);
}
