namespace Mailing.Generators.Parsing;

/// <summary>
/// The composed-text range of a spliced partial or layout body. Scriban writes an included
/// template's output as one value of the include statement, so the emitter indents it as a unit.
/// </summary>
internal sealed record SpliceRegion(int Start, int End);
