namespace Mailing.Generators.Css;

/// <summary>One <c>{{ ... }}</c> (or <c>{%{ ... }%}</c>) block of a Scriban template.</summary>
/// <param name="Start">Offset of the opening brace.</param>
/// <param name="End">Offset just past the closing brace.</param>
/// <param name="Kind">What the block does to the markup around it.</param>
internal readonly record struct TemplateCodeBlock(int Start, int End, TemplateCodeKind Kind)
{
    public int Length => End - Start;
}
