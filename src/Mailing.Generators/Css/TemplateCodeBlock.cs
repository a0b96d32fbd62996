namespace Mailing.Generators.Css;

/// <summary>One <c>{{ ... }}</c> (or <c>{%{ ... }%}</c>) block of a Scriban template.</summary>
/// <param name="Start">Offset of the opening brace.</param>
/// <param name="End">Offset just past the closing brace.</param>
/// <param name="Kind">What the block does to the markup around it.</param>
/// <param name="ScopeChange">Loops and branches it opens (+1 each) minus those it closes with <c>end</c>.</param>
/// <param name="SwitchesBranch">True when it holds an <c>else</c>, <c>else if</c> or <c>when</c>.</param>
internal readonly record struct TemplateCodeBlock(int Start, int End, TemplateCodeKind Kind, int ScopeChange = 0, bool SwitchesBranch = false)
{
    public int Length => End - Start;
}
