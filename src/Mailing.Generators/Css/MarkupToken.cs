using System.Collections.Generic;

namespace Mailing.Generators.Css;

/// <summary>A token of template markup, positioned in the template text.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Name">For tags, the tag name in lower case; otherwise empty.</param>
/// <param name="Attributes">For start tags, the attributes in source order; otherwise empty.</param>
internal sealed record MarkupToken(MarkupTokenKind Kind, int Start, int End, string Name, IReadOnlyList<MarkupAttribute> Attributes)
{
    /// <summary>Offset where new attributes go: before <c>&gt;</c> or <c>/&gt;</c>.</summary>
    public int InsertionPoint(string text)
        => End >= 2 && text[End - 2] == '/' ? End - 2 : End - 1;

    public MarkupAttribute? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }

        return null;
    }
}
