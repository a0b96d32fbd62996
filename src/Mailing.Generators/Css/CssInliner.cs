using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Mailing.Generators.Transforming;
using PreMailer.Net;

namespace Mailing.Generators.Css;

/// <summary>
/// Inlines a Scriban HTML template's CSS at build time, writing exactly the <c>style</c> (and other)
/// attributes PreMailer.Net would write into every render of it.
/// </summary>
/// <remarks>
/// The template is masked (<see cref="TemplateMasker"/>), parsed by AngleSharp keeping source
/// positions, and handed to PreMailer as a document. Each element PreMailer changed is then found
/// at its position in the original text and only its start tag is edited: loops of table rows,
/// code in attributes and whitespace stay exactly as written. Nothing is fetched: linked
/// stylesheets come from <see cref="CssInliningOptions.Stylesheets"/> or are reported. One found
/// is handled as a <c>&lt;style&gt;</c> block holding its text at the link's place: PreMailer
/// inlines it in document order, and that block replaces the <c>&lt;link&gt;</c> in the output.
/// </remarks>
internal static class CssInliner
{
    public static CssInliningResult Inline(string template, CssInliningOptions options)
    {
        try
        {
            return InlineCore(template, options);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or AngleSharp.Dom.DomException)
        {
            // A generator that throws produces no code at all; a template it can't inline still
            // works with its <style> block and with run-time inlining.
            return new CssInliningResult(template, false, new[]
            {
                new TransformFinding(
                    ContentDiagnosticIds.CssDependsOnData,
                    $"the inliner could not map PreMailer's result back onto the template ({exception.Message})",
                    0,
                    0),
            });
        }
    }

    private static CssInliningResult InlineCore(string template, CssInliningOptions options)
    {
        var mask = TemplateMasker.Mask(template);
        var findings = new List<TransformFinding>();
        if (mask.BlockingCode.Count > 0)
        {
            findings.AddRange(mask.BlockingCode.Select(b => new TransformFinding(
                ContentDiagnosticIds.CssDependsOnData, b.Reason, b.Start, b.Length)));
            return new CssInliningResult(template, false, findings);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(mask.Text);
        var elementsByOffset = new Dictionary<int, IElement>();
        foreach (var element in document.All)
        {
            if (element.SourceReference is { Position.Index: >= 0 } source)
            {
                elementsByOffset[source.Position.Index] = element;
            }
        }

        var tagsByOffset = new Dictionary<int, int>();
        for (var i = 0; i < mask.Tokens.Count; i++)
        {
            if (mask.Tokens[i].Kind == MarkupTokenKind.StartTag)
            {
                tagsByOffset[mask.Tokens[i].Start] = i;
            }
        }

        var edits = new TemplateEdits(template);
        var linked = new List<LinkedStylesheet>();
        foreach (var link in document.QuerySelectorAll("link").ToList())
        {
            if (!IsStylesheetLinkAsPreMailerSeesIt(link))
            {
                continue;
            }

            var offset = link.SourceReference?.Position.Index ?? -1;
            if (!tagsByOffset.TryGetValue(offset, out var index))
            {
                throw new InvalidOperationException($"The <link> at offset {offset} was not found in the template's markup.");
            }

            var tag = mask.Tokens[index];
            var written = tag.Attribute("href") is { HasValue: true } value ? template.Substring(value.ValueStart, value.ValueEnd - value.ValueStart) : string.Empty;
            var lookup = FindLinkedStylesheet(link, tag, mask, options.Stylesheets);
            if (lookup.Css is { } css)
            {
                // Inlined as PreMailer inlines a <style> block at the link's place (which it keeps), so
                // @media and :hover rules stay in the output instead of in a file no client fetches.
                var style = document.CreateElement("style");
                if (link.GetAttribute("media") is { } media)
                {
                    style.SetAttribute("media", media);
                }

                style.TextContent = css;
                link.Replace(style);
                linked.Add(new LinkedStylesheet(style, tag, css));
                var import = css.IndexOf("@import", StringComparison.OrdinalIgnoreCase);
                if (import >= 0)
                {
                    findings.Add(new TransformFinding(
                        ContentDiagnosticIds.StylesheetNotInlined,
                        $"the stylesheet '{written}' has an @import, which is neither downloaded nor inlined at build time: its rules reach only clients that load it themselves (fine for web fonts)",
                        tag.Start,
                        tag.End - tag.Start));
                }

                continue;
            }

            findings.Add(new TransformFinding(
                ContentDiagnosticIds.StylesheetNotInlined,
                $"the stylesheet '{written}' is not inlined: {lookup.NotInlinedBecause}",
                tag.Start,
                tag.End - tag.Start));

            // PreMailer downloads whatever a <link> names (and the @imports inside it); it never sees one.
            // @import inside <style> is only ever fetched through a <link>, so nothing is fetched.
            link.Remove();
        }

        var linkedStyles = new HashSet<IElement>(linked.Select(l => l.Style));
        var styleElements = document.QuerySelectorAll("style").Where(IsStyleSheetPreMailerReads).ToList();
        foreach (var style in styleElements.Where(s => !linkedStyles.Contains(s)))
        {
            var at = style.TextContent.IndexOf("@import", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var offset = ContentStart(style, mask, tagsByOffset) + at;
                findings.Add(new TransformFinding(
                    ContentDiagnosticIds.StylesheetNotInlined,
                    "@import is neither downloaded nor inlined at build time: its rules reach only clients that load it themselves (fine for web fonts); put rules meant for inlining in the <style> block",
                    offset,
                    "@import".Length));
            }
        }

        var sheets = styleElements.Select(s => s.TextContent).ToList();
        if (sheets.TrueForAll(string.IsNullOrWhiteSpace) && linked.Count == 0)
        {
            // No CSS: PreMailer would change nothing, so don't pay for it.
            return new CssInliningResult(template, true, findings);
        }

        var selectors = InlinableSelectors(sheets);
        (int, int) Locate(string selector) => LocateSelector(template, mask, linked, selector);
        var matches = selectors.Select(s => DataDependentSelectorDetector.Match(document, s)).ToList();
        var dependent = DataDependentSelectorDetector.Detect(document, mask, selectors, matches, elementsByOffset, Locate);
        if (dependent.Count > 0)
        {
            findings.AddRange(dependent);
            return new CssInliningResult(template, false, findings);
        }

        // A linked stylesheet is typically shared by several templates, so its rules that match
        // nothing here are expected: only the template's own <style> rules are reported.
        var ownSelectors = new HashSet<string>(InlinableSelectors(styleElements.Where(s => !linkedStyles.Contains(s)).Select(s => s.TextContent).ToList()), StringComparer.Ordinal);
        for (var i = 0; i < selectors.Count; i++)
        {
            if (matches[i].Count == 0 && ownSelectors.Contains(selectors[i]))
            {
                var selector = selectors[i];
                var (offset, length) = Locate(selector);
                findings.Add(new TransformFinding(
                    ContentDiagnosticIds.UnusedStyleRule,
                    $"the rule '{selector}' matches no element of the template",
                    offset,
                    length));
            }
        }

        var implied = document.All.Where(e => !elementsByOffset.ContainsKey(e.SourceReference?.Position.Index ?? -1) && !linkedStyles.Contains(e)).ToList();
        var before = elementsByOffset.Values.ToDictionary(e => e, e => e.Attributes.Select(a => (a.Name, a.Value)).ToList());
        var styleText = styleElements.ToDictionary(s => s, s => s.TextContent);

        var removeStyles = options.StyleBlocks == StyleBlockMode.KeepMediaQueriesOnly;
        var premailer = new PreMailer.Net.PreMailer(document);
        premailer.MoveCssInline(removeStyleElements: removeStyles, preserveMediaQueries: removeStyles);

        foreach (var element in implied)
        {
            if (element.Attributes.Length == 0)
            {
                continue;
            }

            if (!TryWriteImpliedTableBody(template, mask, tagsByOffset, element, edits))
            {
                // Point at the nearest element the template does write (the <table> of a <tbody>).
                var written = element.ParentElement;
                while (written is not null && !elementsByOffset.ContainsKey(written.SourceReference?.Position.Index ?? -1))
                {
                    written = written.ParentElement;
                }

                var at = written is null ? null : mask.Tokens[tagsByOffset[written.SourceReference!.Position.Index]];
                findings.Add(new TransformFinding(
                    ContentDiagnosticIds.CssDependsOnData,
                    $"a rule matches <{element.LocalName}>, which the HTML parser adds by itself; write <{element.LocalName}> in the template so the style has a place to go",
                    at?.Start ?? 0,
                    at is null ? 0 : at.End - at.Start));
                return new CssInliningResult(template, false, findings);
            }
        }

        foreach (var pair in elementsByOffset)
        {
            var element = pair.Value;
            if (!tagsByOffset.TryGetValue(pair.Key, out var index))
            {
                throw new InvalidOperationException($"The element <{element.LocalName}> at offset {pair.Key} was not found in the template's markup.");
            }

            var tag = mask.Tokens[index];
            if (styleText.TryGetValue(element, out var originalCss))
            {
                EditStyleElement(edits, mask, index, element, originalCss);
                if (element.Parent is null)
                {
                    continue;
                }
            }

            EditAttributes(edits, template, mask, tag, before[element], element);
        }

        foreach (var sheet in linked)
        {
            edits.Replace(sheet.Tag.Start, sheet.Tag.End - sheet.Tag.Start, sheet.Style.Parent is null ? string.Empty : StyleBlock(sheet.Style));
        }

        return new CssInliningResult(edits.Apply(), true, findings);
    }

    /// <summary>
    /// Writes out the <c>&lt;tbody&gt;</c> an HTML parser implies around a table's rows, when a
    /// rule styled it: it opens after the whitespace that follows <c>&lt;table&gt;</c> (so a loop
    /// of rows ends up inside it) and closes before <c>&lt;/table&gt;</c>, as the parser would.
    /// </summary>
    private static bool TryWriteImpliedTableBody(string template, TemplateMask mask, Dictionary<int, int> tagsByOffset, IElement element, TemplateEdits edits)
    {
        var table = element.ParentElement;
        if (element.LocalName != "tbody" || table is null || table.LocalName != "table" || table.Children.Length != 1
            || table.SourceReference is not { Position.Index: >= 0 } source
            || !tagsByOffset.TryGetValue(source.Position.Index, out var open))
        {
            return false;
        }

        var depth = 0;
        var close = -1;
        for (var i = open; i < mask.Tokens.Count && close < 0; i++)
        {
            var token = mask.Tokens[i];
            if (token.Name != "table")
            {
                continue;
            }

            depth += token.Kind == MarkupTokenKind.StartTag ? 1 : token.Kind == MarkupTokenKind.EndTag ? -1 : 0;
            if (depth == 0)
            {
                close = i;
            }
        }

        if (close < 0 || !HasRowOutsideLoopsAndBranches(mask, open, close))
        {
            // With every row inside a loop or branch, no row (and no <tbody>) may be rendered at all.
            return false;
        }

        var start = mask.Tokens[open].End;
        while (start < template.Length && char.IsWhiteSpace(template[start]))
        {
            start++;
        }

        var attributes = string.Concat(element.Attributes.Select(a => " " + a.Name + "=\"" + Escape(a.Value, '"') + "\""));
        edits.Insert(start, "<tbody" + attributes + ">");
        edits.Insert(mask.Tokens[close].Start, "</tbody>");
        return true;
    }

    private static bool HasRowOutsideLoopsAndBranches(TemplateMask mask, int open, int close)
    {
        var scopes = 0;
        var tables = 0;
        var blocks = mask.CodeBlocks;
        var next = blocks.FindIndex(b => b.Start >= mask.Tokens[open].Start);
        for (var i = open; i <= close; i++)
        {
            var token = mask.Tokens[i];
            while (next >= 0 && next < blocks.Count && blocks[next].Start < token.End)
            {
                scopes += blocks[next].ScopeChange;

                next++;
            }

            if (token.Name == "table")
            {
                tables += token.Kind == MarkupTokenKind.StartTag ? 1 : token.Kind == MarkupTokenKind.EndTag ? -1 : 0;
            }
            else if (token.Kind == MarkupTokenKind.StartTag && token.Name == "tr" && tables == 1 && scopes == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void EditStyleElement(TemplateEdits edits, TemplateMask mask, int tagIndex, IElement style, string originalCss)
    {
        var content = tagIndex + 1 < mask.Tokens.Count && mask.Tokens[tagIndex + 1].Kind == MarkupTokenKind.RawText
            ? mask.Tokens[tagIndex + 1]
            : null;
        if (content is null)
        {
            return;
        }

        if (style.Parent is null)
        {
            var close = tagIndex + 2 < mask.Tokens.Count && mask.Tokens[tagIndex + 2].Kind == MarkupTokenKind.EndTag
                ? mask.Tokens[tagIndex + 2].End
                : content.End;
            var start = mask.Tokens[tagIndex].Start;
            edits.Replace(start, close - start, string.Empty);
        }
        else if (style.TextContent != originalCss)
        {
            edits.Replace(content.Start, content.End - content.Start, style.TextContent);
        }
    }

    private static void EditAttributes(
        TemplateEdits edits,
        string template,
        TemplateMask mask,
        MarkupToken tag,
        List<(string Name, string Value)> before,
        IElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            var old = before.FindIndex(a => a.Name == attribute.Name);
            if (old >= 0 && before[old].Value == attribute.Value)
            {
                continue;
            }

            var written = tag.Attribute(attribute.Name);
            if (written is { HasValue: true } && old >= 0)
            {
                var quote = written.Quote == '\0' ? '"' : written.Quote;
                var value = Restore(mask, Escape(attribute.Value, quote));
                if (written.Quote == '\0')
                {
                    edits.Replace(written.ValueStart, written.ValueEnd - written.ValueStart, "\"" + value + "\"");
                }
                else
                {
                    edits.Replace(written.ValueStart, written.ValueEnd - written.ValueStart, value);
                }
            }
            else if (written is not null && old >= 0)
            {
                edits.Replace(written.NameStart, written.Name.Length, attribute.Name + "=\"" + Restore(mask, Escape(attribute.Value, '"')) + "\"");
            }
            else
            {
                edits.Insert(tag.InsertionPoint(template), " " + attribute.Name + "=\"" + Restore(mask, Escape(attribute.Value, '"')) + "\"");
            }
        }
    }

    private static string Escape(string value, char quote)
    {
        var escaped = value.Replace("&", "&amp;");
        return quote == '\'' ? escaped.Replace("'", "&#39;") : escaped.Replace("\"", "&quot;");
    }

    private static string Restore(TemplateMask mask, string value)
    {
        foreach (var placeholder in mask.Placeholders.OrderByDescending(p => p.Key.Length))
        {
            value = value.Replace(placeholder.Key, placeholder.Value);
        }

        return value;
    }

    private static List<string> InlinableSelectors(List<string> sheets)
    {
        var parser = new CssParser();
        foreach (var sheet in sheets)
        {
            parser.AddStyleSheet(sheet);
        }

        var selectorParser = new CssSelectorParser();
        return parser.Styles.Values
            .OrderBy(s => s.Position)
            .Select(s => s.Name)
            .Where(selectorParser.IsSupportedSelector)
            .ToList();
    }

    private static (int Offset, int Length) LocateSelector(string template, TemplateMask mask, List<LinkedStylesheet> linked, string selector)
    {
        var fallback = (0, 0);
        foreach (var token in mask.Tokens)
        {
            if (token.Kind != MarkupTokenKind.RawText || token.Name != "style")
            {
                continue;
            }

            var at = template.IndexOf(selector, token.Start, token.End - token.Start, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (at, selector.Length);
            }

            if (fallback == (0, 0))
            {
                fallback = (token.Start, 0);
            }
        }

        // A rule of a linked stylesheet is reported at the <link>: its file is not part of the template.
        foreach (var sheet in linked)
        {
            if (sheet.Css.IndexOf(selector, StringComparison.Ordinal) >= 0)
            {
                return (sheet.Tag.Start, sheet.Tag.End - sheet.Tag.Start);
            }
        }

        return fallback;
    }

    private static StylesheetLookup FindLinkedStylesheet(IElement link, MarkupToken tag, TemplateMask mask, LinkedStylesheetFinder stylesheets)
    {
        if (mask.AttributesWithCode.FirstOrDefault(a => a.ElementStart == tag.Start) is { } code)
        {
            return StylesheetLookup.NotFound(
                $"template code writes its {code.Name} attribute, so which sheet it names is only known when a message is rendered; write the href as a path relative to the template");
        }

        var lookup = stylesheets(link.GetAttribute("href") ?? string.Empty, tag.Start);
        if (lookup.Css is { } css && css.IndexOf("</style", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return StylesheetLookup.NotFound("its text contains '</style', which would end the <style> block it is inlined as");
        }

        return lookup;
    }

    /// <summary>
    /// A linked stylesheet as the <c>&lt;style&gt;</c> block that replaces its <c>&lt;link&gt;</c>,
    /// with the attributes PreMailer left on it. The CSS goes into a Scriban template, so text that
    /// Scriban would read as code is written inside an escape block (<c>{%{ ... }%}</c>).
    /// </summary>
    private static string StyleBlock(IElement style)
    {
        var css = style.TextContent;
        if (css.IndexOf("{{", StringComparison.Ordinal) >= 0 || css.IndexOf("{%", StringComparison.Ordinal) >= 0)
        {
            var percents = "%";
            while (css.IndexOf("}" + percents + "}", StringComparison.Ordinal) >= 0)
            {
                percents += "%";
            }

            css = "{" + percents + "{" + css + "}" + percents + "}";
        }

        var attributes = string.Concat(style.Attributes.Select(a => " " + a.Name + "=\"" + Escape(a.Value, '"') + "\""));
        return "<style" + attributes + ">" + css + "</style>";
    }

    private static int ContentStart(IElement style, TemplateMask mask, Dictionary<int, int> tagsByOffset)
    {
        var offset = style.SourceReference?.Position.Index ?? 0;
        return tagsByOffset.TryGetValue(offset, out var index) ? mask.Tokens[index].End : offset;
    }

    // The same tests PreMailer applies (PreMailer.CssLinkNodes / CssSourceNodes), so exactly the
    // sheets it would read are read here.
    private static bool IsStylesheetLinkAsPreMailerSeesIt(IElement link)
        => link.Attributes.Any(a => a.Name.Equals("href", StringComparison.OrdinalIgnoreCase)
            && (a.Value.EndsWith(".css", StringComparison.OrdinalIgnoreCase)
                || link.Attributes.Any(r => r.Name.Equals("rel", StringComparison.OrdinalIgnoreCase)
                    && r.Value.Equals("stylesheet", StringComparison.OrdinalIgnoreCase))));

    private static bool IsStyleSheetPreMailerReads(IElement style)
    {
        var media = style.GetAttribute("media");
        return string.IsNullOrWhiteSpace(media) || CssParser._supportedMediaQueriesRegex.IsMatch(media);
    }
}
