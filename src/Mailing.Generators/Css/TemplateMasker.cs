using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Mailing.Generators.Css;

/// <summary>
/// Blanks the code of a Scriban HTML template according to where it stands, so that the masked
/// text parses to the elements and attributes every render shares.
/// </summary>
/// <remarks>
/// Code in text and in most attribute values becomes spaces (whitespace inside a table is not
/// foster-parented, so loops of rows keep the table intact). In a <c>class</c> or <c>id</c> every
/// token the code touches is blanked too (<c>btn-{{ kind }}</c> is no class at build time), and a
/// branch inside the value blanks all of it. In a <c>style</c> attribute the code becomes a
/// placeholder word that survives PreMailer's merge and is put back afterwards.
/// </remarks>
internal static class TemplateMasker
{
    private const string PlaceholderPrefix = "zq";

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    public static TemplateMask Mask(string template)
    {
        var blocks = TemplateCodeScanner.Scan(template);
        var masked = new StringBuilder(template);
        foreach (var block in blocks)
        {
            Blank(masked, template, block.Start, block.End);
        }

        var neutral = masked.ToString();
        var tokens = HtmlMarkupScanner.Scan(neutral);
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
        var attributesWithCode = new List<MaskedAttribute>();
        var repeatedParents = new HashSet<int>();
        var parentsOfCode = new HashSet<int>();
        var blocking = new List<CssBlockingCode>();

        var open = new List<MarkupToken>();
        var scopes = new Stack<(int Depth, TemplateCodeBlock Block)>();
        var blockIndex = 0;
        foreach (var token in tokens)
        {
            var first = blockIndex;
            while (blockIndex < blocks.Count && blocks[blockIndex].Start < token.End)
            {
                blockIndex++;
            }

            var inside = blocks.GetRange(first, blockIndex - first);
            switch (token.Kind)
            {
                case MarkupTokenKind.Text:
                    foreach (var block in inside)
                    {
                        if (block.Kind != TemplateCodeKind.Silent && open.Count > 0)
                        {
                            parentsOfCode.Add(open[open.Count - 1].Start);
                        }

                        if (!IsBalanced(block, open.Count, scopes))
                        {
                            blocking.Add(new CssBlockingCode(block.Start, block.Length,
                                "an element is opened in one branch or loop body and closed outside it, so the elements every render shares are not known; close each element inside the branch that opens it"));
                        }

                        if (block.Kind == TemplateCodeKind.Include)
                        {
                            blocking.Add(new CssBlockingCode(block.Start, block.Length,
                                "it includes a partial whose markup is not known at build time; compose partials into the template before inlining"));
                        }
                        else if (block.Kind == TemplateCodeKind.Control && open.Count > 0)
                        {
                            repeatedParents.Add(open[open.Count - 1].Start);
                        }
                    }

                    break;
                case MarkupTokenKind.RawText when token.Name == "style":
                    foreach (var block in inside)
                    {
                        blocking.Add(new CssBlockingCode(block.Start, block.Length,
                            "template code inside <style> makes the stylesheet depend on data"));
                    }

                    break;
                case MarkupTokenKind.StartTag:
                    MaskTag(template, masked, token, inside, placeholders, attributesWithCode, blocking);
                    if (!VoidElements.Contains(token.Name) && neutral[token.End - 2] != '/')
                    {
                        open.Add(token);
                    }

                    break;
                case MarkupTokenKind.EndTag:
                    for (var i = open.Count - 1; i >= 0; i--)
                    {
                        if (open[i].Name == token.Name)
                        {
                            open.RemoveRange(i, open.Count - i);
                            break;
                        }
                    }

                    break;
            }
        }

        return new TemplateMask(masked.ToString(), tokens, blocks, placeholders, attributesWithCode, repeatedParents, parentsOfCode, blocking);
    }

    /// <summary>
    /// Tracks the open-element depth across loops and branches: a branch or loop body must close
    /// what it opens, or the parse of the masked text nests elements no render has.
    /// </summary>
    private static bool IsBalanced(TemplateCodeBlock block, int depth, Stack<(int Depth, TemplateCodeBlock Block)> scopes)
    {
        var balanced = true;
        if ((block.SwitchesBranch || block.ScopeChange < 0) && scopes.Count > 0)
        {
            balanced = scopes.Peek().Depth == depth;
        }

        for (var i = block.ScopeChange; i < 0 && scopes.Count > 0; i++)
        {
            scopes.Pop();
        }

        for (var i = 0; i < block.ScopeChange; i++)
        {
            scopes.Push((depth, block));
        }

        return balanced;
    }

    private static void MaskTag(
        string template,
        StringBuilder masked,
        MarkupToken tag,
        List<TemplateCodeBlock> inside,
        Dictionary<string, string> placeholders,
        List<MaskedAttribute> attributesWithCode,
        List<CssBlockingCode> blocking)
    {
        foreach (var block in inside)
        {
            MarkupAttribute? owner = null;
            foreach (var attribute in tag.Attributes)
            {
                if (attribute.HasValue && block.Start >= attribute.ValueStart && block.End <= attribute.ValueEnd)
                {
                    owner = attribute;
                    break;
                }
            }

            if (owner is null && block.Kind != TemplateCodeKind.Silent)
            {
                blocking.Add(new CssBlockingCode(block.Start, block.Length,
                    $"template code writes attributes of <{tag.Name}>, so which CSS rules match it depends on data"));
            }
        }

        foreach (var attribute in tag.Attributes)
        {
            if (!attribute.HasValue)
            {
                continue;
            }

            var codeInValue = inside.FindAll(b => b.Start >= attribute.ValueStart && b.End <= attribute.ValueEnd);
            if (codeInValue.Count == 0)
            {
                continue;
            }

            attributesWithCode.Add(new MaskedAttribute(tag.Start, attribute.Name, attribute.ValueStart, attribute.ValueEnd));
            if (attribute.Name == "style")
            {
                foreach (var block in codeInValue)
                {
                    if (block.Kind == TemplateCodeKind.Silent)
                    {
                        continue;
                    }

                    var placeholder = PlaceholderPrefix + placeholders.Count.ToString(CultureInfo.InvariantCulture) + "z";
                    if (block.Kind != TemplateCodeKind.Output || placeholder.Length > block.Length)
                    {
                        blocking.Add(new CssBlockingCode(block.Start, block.Length,
                            "a branch or loop inside a style attribute cannot be merged with the stylesheet at build time"));
                        continue;
                    }

                    placeholder = placeholder.PadRight(block.Length, 'q');
                    placeholders[placeholder] = template.Substring(block.Start, block.Length);
                    for (var i = 0; i < placeholder.Length; i++)
                    {
                        masked[block.Start + i] = placeholder[i];
                    }
                }
            }
            else if (attribute.Name is "class" or "id")
            {
                BlankUncertainTokens(template, masked, attribute, codeInValue);
            }
        }
    }

    private static void BlankUncertainTokens(string template, StringBuilder masked, MarkupAttribute attribute, List<TemplateCodeBlock> code)
    {
        if (code.Exists(b => b.Kind is TemplateCodeKind.Control or TemplateCodeKind.Include))
        {
            Blank(masked, template, attribute.ValueStart, attribute.ValueEnd);
            return;
        }

        var i = attribute.ValueStart;
        while (i < attribute.ValueEnd)
        {
            if (char.IsWhiteSpace(template[i]) && !IsInCode(code, i))
            {
                i++;
                continue;
            }

            var tokenStart = i;
            var touchesCode = false;
            while (i < attribute.ValueEnd && (IsInCode(code, i) || !char.IsWhiteSpace(template[i])))
            {
                touchesCode |= IsInCode(code, i);
                i++;
            }

            if (touchesCode)
            {
                Blank(masked, template, tokenStart, i);
            }
        }
    }

    private static bool IsInCode(List<TemplateCodeBlock> code, int offset)
        => code.Exists(b => offset >= b.Start && offset < b.End);

    private static void Blank(StringBuilder masked, string template, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            // Line breaks stay so line numbers in the masked text still match the template.
            masked[i] = template[i] is '\n' or '\r' ? template[i] : ' ';
        }
    }
}
