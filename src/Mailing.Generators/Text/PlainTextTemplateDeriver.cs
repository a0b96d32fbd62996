using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mailing.Generators.Css;

namespace Mailing.Generators.Text;

/// <summary>
/// Derives a plain-text Scriban template from an HTML one at build time, so no message parses
/// HTML to get its text part: links become "label (url)", headings and paragraphs lines, list
/// items "- " lines, table rows lines; <c>&lt;head&gt;</c>, CSS, scripts and hidden preheaders go.
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

        foreach (var token in tokens)
        {
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

                    Open(htmlTemplate, token, text, links);
                    break;
                case MarkupTokenKind.EndTag:
                    Close(token.Name, text, links);
                    break;
            }
        }

        var result = text.ToString();
        return result.Length == 0 ? null : result;
    }

    private static void Open(string template, MarkupToken tag, PlainTextBuilder text, Stack<(string? Href, int LabelStart)> links)
    {
        switch (tag.Name)
        {
            case "br":
                text.HardBreak();
                break;
            case "li":
                text.LineBreak();
                text.Text("- ");
                break;
            case "td" or "th":
                text.Space();
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

    private static void Close(string name, PlainTextBuilder text, Stack<(string? Href, int LabelStart)> links)
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

        if (Paragraphs.Contains(name))
        {
            text.BlankLine();
        }
        else if (Lines.Contains(name))
        {
            text.LineBreak();
        }
        else if (name is "td" or "th")
        {
            text.Space();
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
