using System.Collections.Generic;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Scriban;
using Scriban.Parsing;

namespace Mailing.Generators.Parsing;

/// <summary>Parses template text with Scriban's own parser and turns its messages into diagnostics.</summary>
internal static class TemplateParser
{
    public static Template Parse(string text, string? path) => Template.Parse(text, path);

    /// <summary>Parses one source on its own; reports syntax errors at the source's own line and column.</summary>
    public static Template? ParseSource(TemplateSource source, List<DiagnosticInfo> diagnostics, LocationInfo? fallback)
    {
        var template = Parse(source.Text, source.FilePath);
        if (!template.HasErrors)
        {
            return template;
        }

        foreach (var message in template.Messages)
        {
            if (message.Type != ParserMessageType.Error)
            {
                continue;
            }

            var location = source.Locate(message.Span.Start.Offset, Length(message.Span)) ?? fallback;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateSyntaxError, location, message.Message));
        }

        return null;
    }

    /// <summary>Scriban spans are inclusive at the end.</summary>
    public static int Length(SourceSpan span) => System.Math.Max(0, span.End.Offset - span.Start.Offset + 1);
}
