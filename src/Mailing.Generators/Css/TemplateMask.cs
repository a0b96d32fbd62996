using System.Collections.Generic;

namespace Mailing.Generators.Css;

/// <summary>
/// The template with its code blanked so an HTML parser sees plain markup. It has the template's
/// length, so every offset in it is the same offset in the template.
/// </summary>
internal sealed class TemplateMask
{
    public TemplateMask(
        string text,
        List<MarkupToken> tokens,
        List<TemplateCodeBlock> codeBlocks,
        Dictionary<string, string> placeholders,
        List<MaskedAttribute> attributesWithCode,
        HashSet<int> elementsWithRepeatedChildren,
        HashSet<int> elementsWithCodeInContent,
        List<CssBlockingCode> blockingCode)
    {
        Text = text;
        Tokens = tokens;
        CodeBlocks = codeBlocks;
        Placeholders = placeholders;
        AttributesWithCode = attributesWithCode;
        ElementsWithRepeatedChildren = elementsWithRepeatedChildren;
        ElementsWithCodeInContent = elementsWithCodeInContent;
        BlockingCode = blockingCode;
    }

    /// <summary>The masked text.</summary>
    public string Text { get; }

    /// <summary>The markup tokens of <see cref="Text"/>.</summary>
    public List<MarkupToken> Tokens { get; }

    public List<TemplateCodeBlock> CodeBlocks { get; }

    /// <summary>Placeholder written into a <c>style</c> attribute → the code block it stands for.</summary>
    public Dictionary<string, string> Placeholders { get; }

    /// <summary>Attributes whose value is (partly) written by code.</summary>
    public List<MaskedAttribute> AttributesWithCode { get; }

    /// <summary>Start-tag offsets of elements whose children include loops or branches.</summary>
    public HashSet<int> ElementsWithRepeatedChildren { get; }

    /// <summary>Start-tag offsets of elements with code among their children: they may render empty.</summary>
    public HashSet<int> ElementsWithCodeInContent { get; }

    /// <summary>Code that makes build-time inlining impossible, with the reason.</summary>
    public List<CssBlockingCode> BlockingCode { get; }
}
