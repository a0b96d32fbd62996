using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mailing.Generators.Css;
using Mailing.Text;

namespace Mailing.Generators.Text;

/// <summary>
/// Derives a plain-text Scriban template from an HTML one at build time, so no message parses
/// HTML to get its text part: links become "label (url)", headings and paragraphs lines, list
/// items "- " lines; a data table's rows one line each with cells joined by <see cref="PlainTextBuilder.CellSeparator"/>,
/// a layout table's cells as flowing blocks (<see cref="TableLayout"/> tells them apart);
/// <c>&lt;head&gt;</c>, CSS, scripts and hidden preheaders go.
/// Template code is kept, so the text template renders the same data.
/// </summary>
internal static class PlainTextTemplateDeriver
{
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre", "hr", "dl",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.Ordinal)
    {
        "div", "tr", "li", "section", "header", "footer", "article", "main", "nav", "aside", "center",
        "address", "figure", "figcaption", "dt", "dd", "form", "tbody", "thead", "tfoot", "caption",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "head", "style", "script", "title", "template", "noscript",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly Regex Hidden = new(@"display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Returns the text template, or null when the HTML has no visible text.</summary>
    public static string? Derive(string htmlTemplate)
    {
        var code = TemplateCodeScanner.Scan(htmlTemplate);
        var neutral = new StringBuilder(htmlTemplate);
        foreach (var block in code)
        {
            for (var i = block.Start; i < block.End; i++)
            {
                neutral[i] = htmlTemplate[i] is '\n' or '\r' ? htmlTemplate[i] : ' ';
            }
        }

        var tokens = HtmlMarkupScanner.Scan(neutral.ToString());
        var text = new PlainTextBuilder();
        string? skipping = null;
        var skipDepth = 0;
        var links = new Stack<(string? Href, int LabelStart)>();
        var codeIndex = 0;
        var tableKinds = TableLayout.Classify(tokens.ConvertAll(token => TableMark(htmlTemplate, token)));
        var tables = new Stack<TableState>();

        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var first = codeIndex;
            while (codeIndex < code.Count && code[codeIndex].Start < token.End)
            {
                codeIndex++;
            }

            var inside = code.GetRange(first, codeIndex - first);
            if (skipping is not null || token.Kind is MarkupTokenKind.RawText or MarkupTokenKind.Other)
            {
                // Keep loops and branches balanced even where nothing is written.
                foreach (var block in inside)
                {
                    if (block.Kind is TemplateCodeKind.Control or TemplateCodeKind.Silent)
                    {
                        text.ControlCode(Code(htmlTemplate, block), block.ScopeChange, block.SwitchesBranch);
                    }
                }

                if (skipping is not null && token.Name == skipping)
                {
                    skipDepth += token.Kind == MarkupTokenKind.StartTag ? 1 : token.Kind == MarkupTokenKind.EndTag ? -1 : 0;
                    if (skipDepth == 0)
                    {
                        skipping = null;
                    }
                }

                continue;
            }

            switch (token.Kind)
            {
                case MarkupTokenKind.Text:
                    WriteText(htmlTemplate, token, inside, text);
                    break;
                case MarkupTokenKind.StartTag:
                    if (Skipped.Contains(token.Name) || (!VoidElements.Contains(token.Name) && IsHidden(htmlTemplate, token)))
                    {
                        skipping = token.Name;
                        skipDepth = token.End >= 2 && htmlTemplate[token.End - 2] == '/' ? 0 : 1;
                        if (skipDepth == 0)
                        {
                            skipping = null;
                        }

                        break;
                    }

                    if (!OpenTable(token, tableKinds[t], text, tables))
                    {
                        Open(htmlTemplate, token, text, links, InDataRow(tables));
                    }

                    break;
                case MarkupTokenKind.EndTag:
                    if (!CloseTable(token.Name, text, tables))
                    {
                        Close(token.Name, text, links, InDataRow(tables));
                    }

                    break;
            }
        }

        var result = text.ToString();
        return result.Length == 0 ? null : result;
    }

    private static TableLayout.Mark TableMark(string template, MarkupToken token)
    {
        var start = token.Kind == MarkupTokenKind.StartTag;
        if (!start && token.Kind != MarkupTokenKind.EndTag)
        {
            return TableLayout.Mark.None;
        }

        switch (token.Name)
        {
            case "table" when start:
                var role = token.Attribute("role");
                var value = role is { HasValue: true } ? template.Substring(role.ValueStart, role.ValueEnd - role.ValueStart).Trim() : string.Empty;
                return value.Equals("presentation", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase)
                    ? TableLayout.Mark.LayoutTableStart
                    : TableLayout.Mark.TableStart;
            case "table":
                return TableLayout.Mark.TableEnd;
            case "tr":
                return start ? TableLayout.Mark.RowStart : TableLayout.Mark.RowEnd;
            case "td" when start:
                return TableLayout.Mark.Cell;
            case "th" when start:
                return TableLayout.Mark.HeaderCell;
            default:
                return TableLayout.Mark.None;
        }
    }

    private static bool InDataRow(Stack<TableState> tables) => tables.Count > 0 && tables.Peek().RowIsData;

    /// <summary>Writes what a table, row or cell start tag means; false for any other tag.</summary>
    private static bool OpenTable(MarkupToken tag, bool isData, PlainTextBuilder text, Stack<TableState> tables)
    {
        switch (tag.Name)
        {
            case "table":
                // A data table stands apart from what precedes it, even inside a layout cell.
                tables.Push(new TableState());
                if (isData)
                {
                    text.BlankLine();
                }
                else
                {
                    text.LineBreak();
                }

                return true;
            case "tr" when tables.Count > 0:
                tables.Peek().StartRow(isData);
                text.LineBreak();
                return true;
            case "td" or "th" when tables.Count > 0:
                var table = tables.Peek();
                if (!table.RowIsData)
                {
                    text.LineBreak();
                }
                else if (table.Cells++ > 0)
                {
                    text.CellSeparator();
                }

                return true;
            default:
                return false;
        }
    }

    private static bool CloseTable(string name, PlainTextBuilder text, Stack<TableState> tables)
    {
        switch (name)
        {
            case "table" when tables.Count > 0:
                tables.Pop();
                text.BlankLine();
                return true;
            case "tr" when tables.Count > 0:
                tables.Peek().StartRow(false);
                text.LineBreak();
                return true;
            case "td" or "th" when tables.Count > 0:
                if (!tables.Peek().RowIsData)
                {
                    text.LineBreak();
                }

                return true;
            default:
                return false;
        }
    }

    private static void Open(string template, MarkupToken tag, PlainTextBuilder text, Stack<(string? Href, int LabelStart)> links, bool inDataRow)
    {
        if (tag.Name == "img")
        {
            WriteAlternativeText(template, tag, text);
            return;
        }

        if (inDataRow && tag.Name != "a")
        {
            // Block content of a data cell collapses to inline text: the row stays one line.
            if (tag.Name == "br" || Paragraphs.Contains(tag.Name) || Lines.Contains(tag.Name))
            {
                text.Space();
            }

            return;
        }

        switch (tag.Name)
        {
            case "br":
                text.HardBreak();
                break;
            case "li":
                text.LineBreak();
                text.Text("- ");
                break;
            case "a":
                links.Push((LinkTarget(template, tag), text.Length));
                break;
            default:
                if (Paragraphs.Contains(tag.Name) || Lines.Contains(tag.Name))
                {
                    text.LineBreak();
                }

                break;
        }
    }

    private static void Close(string name, PlainTextBuilder text, Stack<(string? Href, int LabelStart)> links, bool inDataRow)
    {
        if (name == "a" && links.Count > 0)
        {
            var (href, labelStart) = links.Pop();
            if (href is null)
            {
                return;
            }

            var label = text.Substring(labelStart).Trim();
            if (label.Length == 0)
            {
                text.OutputCode(href);
            }
            else if (label != href && !IsMailtoOf(href, label))
            {
                text.Text(" ");
                text.OutputCode("(" + href + ")");
            }

            return;
        }

        if (inDataRow)
        {
            if (Paragraphs.Contains(name) || Lines.Contains(name))
            {
                text.Space();
            }

            return;
        }

        if (Paragraphs.Contains(name))
        {
            text.BlankLine();
        }
        else if (Lines.Contains(name))
        {
            text.LineBreak();
        }
    }

    private static void WriteText(string template, MarkupToken token, List<TemplateCodeBlock> code, PlainTextBuilder text)
    {
        var position = token.Start;
        foreach (var block in code)
        {
            text.Text(Decode(template.Substring(position, block.Start - position)));
            if (block.Kind == TemplateCodeKind.Control)
            {
                text.ControlCode(Code(template, block), block.ScopeChange, block.SwitchesBranch);
            }
            else if (block.Kind == TemplateCodeKind.Silent)
            {
                text.SilentCode(Code(template, block));
            }
            else
            {
                text.OutputCode(Code(template, block));
            }

            position = block.End;
        }

        text.Text(Decode(template.Substring(position, token.End - position)));
    }

    /// <summary>
    /// Decodes entities; braces that decode to <c>{{</c> (written <c>&amp;#123;&amp;#123;</c> in the
    /// HTML) would open code in the text template, so they are written by code instead.
    /// </summary>
    private static string Decode(string html)
        => WebUtility.HtmlDecode(html).Replace("{{", "{{ '{{' }}");

    /// <summary>An image reads as its alt text, as the runtime's HTML-to-text converter writes it; a linked logo becomes "Shop (url)".</summary>
    private static void WriteAlternativeText(string template, MarkupToken tag, PlainTextBuilder text)
    {
        var alt = tag.Attribute("alt");
        if (alt is null || !alt.HasValue)
        {
            return;
        }

        var value = template.Substring(alt.ValueStart, alt.ValueEnd - alt.ValueStart).Trim();
        if (value.IndexOf("{{", StringComparison.Ordinal) >= 0)
        {
            text.OutputCode(value);
        }
        else if (value.Length > 0)
        {
            text.Text(Decode(value));
        }
    }

    private static string? LinkTarget(string template, MarkupToken tag)
    {
        var href = tag.Attribute("href");
        if (href is null || !href.HasValue)
        {
            return null;
        }

        var value = template.Substring(href.ValueStart, href.ValueEnd - href.ValueStart).Trim();
        if (value.Length == 0 || value.StartsWith("#", StringComparison.Ordinal)
            || value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return value.IndexOf("{{", StringComparison.Ordinal) >= 0 ? value : WebUtility.HtmlDecode(value);
    }

    /// <summary>A bare <c>mailto:</c>, or one naming the address the label already shows.</summary>
    private static bool IsMailtoOf(string href, string label)
        => href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            && (href.Length == "mailto:".Length || string.Equals(href.Substring("mailto:".Length), label, StringComparison.OrdinalIgnoreCase));

    private static bool IsHidden(string template, MarkupToken tag)
    {
        var style = tag.Attribute("style");
        if (style is { HasValue: true } && Hidden.IsMatch(template.Substring(style.ValueStart, style.ValueEnd - style.ValueStart)))
        {
            return true;
        }

        var classes = tag.Attribute("class");
        return classes is { HasValue: true }
            && template.Substring(classes.ValueStart, classes.ValueEnd - classes.ValueStart).IndexOf("preheader", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static string Code(string template, TemplateCodeBlock block)
        => template.Substring(block.Start, block.Length);
}
