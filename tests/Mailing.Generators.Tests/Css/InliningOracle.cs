using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Mailing.Generators.Css;
using Scriban;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Css;

/// <summary>
/// The reference the build-time inliner is held to: PreMailer.Net run on Scriban's own render,
/// compared with the render of the inlined template as DOMs.
/// </summary>
internal static class InliningOracle
{
    public static string Render(string template, ScriptObject model)
    {
        var parsed = Template.Parse(template);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Messages));
        var context = new TemplateContext { StrictVariables = false };
        context.PushGlobal(model);
        return parsed.Render(context);
    }

    /// <summary>
    /// PreMailer with the options <paramref name="options"/> stands for, on the rendered HTML. A
    /// linked stylesheet in <paramref name="stylesheets"/> (by href as written) takes its link's
    /// place as a <c>&lt;style&gt;</c> block holding its text, which is what the inliner promises;
    /// any other link is removed: PreMailer would otherwise download it.
    /// </summary>
    public static string PreMailerOnRendered(string html, CssInliningOptions options, IReadOnlyDictionary<string, string>? stylesheets = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var link in document.QuerySelectorAll("link[href]").ToList())
        {
            if (stylesheets is not null && stylesheets.TryGetValue(link.GetAttribute("href")!, out var sheet))
            {
                var style = document.CreateElement("style");
                if (link.GetAttribute("media") is { } media)
                {
                    style.SetAttribute("media", media);
                }

                style.TextContent = sheet;
                link.Replace(style);
            }
            else
            {
                link.Remove();
            }
        }

        var removeStyles = options.StyleBlocks == StyleBlockMode.KeepMediaQueriesOnly;
        var premailer = new PreMailer.Net.PreMailer(document);
        premailer.MoveCssInline(removeStyleElements: removeStyles, preserveMediaQueries: removeStyles);

        // PreMailer's own serializer writes <title/> under an XHTML doctype, which HTML parsers
        // don't close; its document is the result to compare.
        return premailer.Document.DocumentElement.OuterHtml;
    }

    /// <summary>Finds linked stylesheets by their href as written, wherever the link is.</summary>
    public static LinkedStylesheetFinder ByHref(IReadOnlyDictionary<string, string> stylesheets) =>
        (href, offset) => stylesheets.TryGetValue(href, out var css) ? StylesheetLookup.Found(css) : CssInliningOptions.NoStylesheets(href, offset);

    /// <summary>
    /// Parses and serializes the HTML the same way for both sides. Whitespace-only text directly
    /// inside table structure is dropped: a parser moves it around an implied &lt;tbody&gt; and no
    /// client renders it.
    /// </summary>
    public static string Normalize(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var ignorable = document.GetDescendants().OfType<IText>()
            .Where(t => string.IsNullOrWhiteSpace(t.Data) && t.Parent is IElement { LocalName: "table" or "tbody" or "thead" or "tfoot" or "tr" })
            .ToList();
        foreach (var text in ignorable)
        {
            text.Remove();
        }

        return document.DocumentElement.OuterHtml;
    }

    /// <summary>Asserts the two documents are equal, showing where they first differ.</summary>
    public static void AssertSameDom(string expected, string actual)
    {
        var left = Normalize(expected);
        var right = Normalize(actual);
        if (left == right)
        {
            return;
        }

        var at = 0;
        while (at < left.Length && at < right.Length && left[at] == right[at])
        {
            at++;
        }

        static string Around(string s, int at) => s.Substring(Math.Max(0, at - 120), Math.Min(s.Length - Math.Max(0, at - 120), 240));
        Assert.Fail($"The documents differ at character {at}.\nPreMailer on the render:\n{Around(left, at)}\n\nRender of the inlined template:\n{Around(right, at)}");
    }

    public static void AssertMatchesPreMailer(string template, ScriptObject model, CssInliningOptions options, IReadOnlyDictionary<string, string>? stylesheets = null)
    {
        var result = CssInliner.Inline(template, stylesheets is null ? options : options with { Stylesheets = ByHref(stylesheets) });
        Assert.True(result.Inlined, "not inlined: " + string.Join("; ", result.Findings.Select(f => f.Message)));
        AssertSameDom(PreMailerOnRendered(Render(template, model), options, stylesheets), Render(result.Template, model));
    }
}
