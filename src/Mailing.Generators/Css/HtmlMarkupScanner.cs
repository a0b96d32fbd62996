using System;
using System.Collections.Generic;

namespace Mailing.Generators.Css;

/// <summary>
/// Splits HTML into tags and text with their offsets. Unlike an HTML5 tree builder it moves
/// nothing: a loop of <c>&lt;tr&gt;</c> rows stays where it was written. Run it on masked
/// template text (code blocks blanked) so braces and quotes inside code cannot confuse it.
/// </summary>
internal static class HtmlMarkupScanner
{
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "style", "script", "title", "textarea", "xmp", "noscript",
    };

    public static List<MarkupToken> Scan(string text)
    {
        var tokens = new List<MarkupToken>();
        var none = Array.Empty<MarkupAttribute>();
        var i = 0;
        var textStart = 0;
        while (i < text.Length)
        {
            if (text[i] != '<' || i + 1 >= text.Length)
            {
                i++;
                continue;
            }

            var next = text[i + 1];
            MarkupToken? token = null;
            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                var end = close < 0 ? text.Length : close + 3;
                token = new MarkupToken(MarkupTokenKind.Other, i, end, string.Empty, none);
            }
            else if (next == '!' || next == '?')
            {
                var close = text.IndexOf('>', i);
                var end = close < 0 ? text.Length : close + 1;
                token = new MarkupToken(MarkupTokenKind.Other, i, end, string.Empty, none);
            }
            else if (next == '/' && i + 2 < text.Length && IsLetter(text[i + 2]))
            {
                var nameEnd = ScanName(text, i + 2);
                var close = text.IndexOf('>', nameEnd);
                var end = close < 0 ? text.Length : close + 1;
                token = new MarkupToken(MarkupTokenKind.EndTag, i, end, Lower(text, i + 2, nameEnd), none);
            }
            else if (IsLetter(next))
            {
                token = ScanStartTag(text, i);
            }

            if (token is null)
            {
                i++;
                continue;
            }

            if (textStart < token.Start)
            {
                tokens.Add(new MarkupToken(MarkupTokenKind.Text, textStart, token.Start, string.Empty, none));
            }

            tokens.Add(token);
            i = token.End;
            if (token.Kind == MarkupTokenKind.StartTag && RawTextElements.Contains(token.Name))
            {
                var close = IndexOfEndTag(text, token.Name, i);
                tokens.Add(new MarkupToken(MarkupTokenKind.RawText, i, close, token.Name, none));
                i = close;
            }

            textStart = i;
        }

        if (textStart < text.Length)
        {
            tokens.Add(new MarkupToken(MarkupTokenKind.Text, textStart, text.Length, string.Empty, none));
        }

        return tokens;
    }

    private static MarkupToken ScanStartTag(string text, int start)
    {
        var nameEnd = ScanName(text, start + 1);
        var attributes = new List<MarkupAttribute>();
        var i = nameEnd;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '/'))
            {
                i++;
            }

            if (i >= text.Length || text[i] == '>')
            {
                break;
            }

            var attributeStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '=' && text[i] != '>' && !(text[i] == '/' && i > attributeStart))
            {
                i++;
            }

            var name = Lower(text, attributeStart, i);
            var afterName = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                attributes.Add(new MarkupAttribute(name, attributeStart, -1, -1, '\0'));
                i = afterName;
                continue;
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i < text.Length && (text[i] == '"' || text[i] == '\''))
            {
                var quote = text[i];
                var close = text.IndexOf(quote, i + 1);
                if (close < 0)
                {
                    close = text.Length;
                }

                attributes.Add(new MarkupAttribute(name, attributeStart, i + 1, close, quote));
                i = Math.Min(close + 1, text.Length);
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>')
                {
                    i++;
                }

                attributes.Add(new MarkupAttribute(name, attributeStart, valueStart, i, '\0'));
            }
        }

        var end = Math.Min(i + 1, text.Length);
        return new MarkupToken(MarkupTokenKind.StartTag, start, end, Lower(text, start + 1, nameEnd), attributes);
    }

    private static int IndexOfEndTag(string text, string name, int from)
    {
        var i = from;
        while (true)
        {
            var open = text.IndexOf("</", i, StringComparison.Ordinal);
            if (open < 0)
            {
                return text.Length;
            }

            var nameEnd = open + 2 + name.Length;
            if (nameEnd <= text.Length
                && string.Compare(text, open + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (nameEnd == text.Length || !IsNameChar(text[nameEnd])))
            {
                return open;
            }

            i = open + 2;
        }
    }

    private static int ScanName(string text, int i)
    {
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsNameChar(char c) => !char.IsWhiteSpace(c) && c != '>' && c != '/';

    private static string Lower(string text, int start, int end)
        => text.Substring(start, end - start).ToLowerInvariant();
}
