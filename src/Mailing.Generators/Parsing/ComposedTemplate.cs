namespace Mailing.Generators.Parsing;

/// <summary>A template with its layout and partials spliced in: one Scriban text and its source map.</summary>
internal sealed record ComposedTemplate(string Text, SourceMap Map);
