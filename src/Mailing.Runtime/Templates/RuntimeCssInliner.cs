using System.ComponentModel;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace Mailing.Templates;

/// <summary>
/// Moves the CSS of a rendered HTML message into <c>style</c> attributes, for templates declared
/// with <see cref="CssInlining.Runtime"/> (their selectors depend on the data, so the generator
/// cannot inline them once at build time).
/// </summary>
/// <remarks>
/// <para>
/// Runs PreMailer.Net with exactly the options the build-time inliner uses: every
/// <c>&lt;style&gt;</c> block stays, comments, ids and classes stay, no extra stylesheet. A
/// template that could have been inlined at build time therefore gets the same styles either way.
/// </para>
/// <para>
/// Nothing is fetched: PreMailer downloads what a stylesheet <c>&lt;link&gt;</c> names, so such
/// links are taken out of its view and put back afterwards, as written. <c>@import</c> inside a
/// <c>&lt;style&gt;</c> block is never fetched by PreMailer.
/// </para>
/// <para>
/// PreMailer and AngleSharp are not annotated for trimming, so this opt-in is not promised to be
/// trimming-safe (a trimmed and a Native AOT publish using it showed no warnings). An app that
/// never calls it has both trimmed away.
/// </para>
/// <para>Used by code the Mailing source generator emits; not meant to be called directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RuntimeCssInliner
{
    /// <summary>Inlines the CSS of <paramref name="html"/>.</summary>
    /// <param name="html">A rendered HTML message (a whole document or a fragment).</param>
    /// <returns>The message as an HTML document, with its CSS rules written into <c>style</c> attributes.</returns>
    public static string Inline(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Inline(html, writer);
        return writer.ToString();
    }

    /// <summary>Inlines the CSS of <paramref name="html"/> and writes the result to <paramref name="writer"/>.</summary>
    /// <param name="html">A rendered HTML message (a whole document or a fragment).</param>
    /// <param name="writer">Where the inlined document goes.</param>
    public static void Inline(string html, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(writer);

        using var document = new HtmlParser().ParseDocument(html);
        var hidden = new List<(IComment Marker, IElement Link)>();
        foreach (var link in document.QuerySelectorAll("link").ToList())
        {
            if (IsStylesheetLinkAsPreMailerSeesIt(link) && link.Parent is { } parent)
            {
                // A comment keeps the link's place; PreMailer keeps comments and matches no selector on them.
                var marker = document.CreateComment(string.Empty);
                parent.ReplaceChild(marker, link);
                hidden.Add((marker, link));
            }
        }

        var premailer = new PreMailer.Net.PreMailer(document);
        premailer.MoveCssInline(removeStyleElements: false, css: null, preserveMediaQueries: false);

        foreach (var (marker, link) in hidden)
        {
            marker.Parent?.ReplaceChild(link, marker);
        }

        // AngleSharp's HTML serializer rather than PreMailer's: PreMailer 2.7.4 writes <title /> under
        // an XHTML doctype, which HTML parsers don't close.
        document.ToHtml(writer, HtmlMarkupFormatter.Instance);
    }

    // The test PreMailer applies to find the stylesheets it downloads (PreMailer.CssLinkNodes), as
    // the build-time inliner does.
    private static bool IsStylesheetLinkAsPreMailerSeesIt(IElement link)
        => link.Attributes.Any(a => a.Name.Equals("href", StringComparison.OrdinalIgnoreCase)
            && (a.Value.EndsWith(".css", StringComparison.OrdinalIgnoreCase)
                || link.Attributes.Any(r => r.Name.Equals("rel", StringComparison.OrdinalIgnoreCase)
                    && r.Value.Equals("stylesheet", StringComparison.OrdinalIgnoreCase))));
}
