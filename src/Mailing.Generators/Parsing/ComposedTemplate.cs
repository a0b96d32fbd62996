using Mailing.Generators.Model;

namespace Mailing.Generators.Parsing;

/// <summary>A template with its layout and partials spliced in: one Scriban text and its source map.</summary>
/// <param name="Text">The composed template.</param>
/// <param name="Map">Where each character came from.</param>
/// <param name="Splices">Where each spliced partial or layout body starts and ends in <paramref name="Text"/>.</param>
internal sealed record ComposedTemplate(string Text, SourceMap Map, EquatableArray<SpliceRegion> Splices);
