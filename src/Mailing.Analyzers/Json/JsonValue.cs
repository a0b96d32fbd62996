using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.Json;

/// <summary>
/// A JSON value with the span it occupies in the source text, so diagnostics can point at it.
/// </summary>
internal sealed class JsonValue
{
    private static readonly IReadOnlyList<JsonProperty> NoProperties = new JsonProperty[0];

    public JsonValue(JsonValueKind kind, TextSpan span, string? text, IReadOnlyList<JsonProperty>? properties = null)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Properties = properties ?? NoProperties;
    }

    public JsonValueKind Kind { get; }

    /// <summary>The whole token, quotes included for strings.</summary>
    public TextSpan Span { get; }

    /// <summary>The unescaped string, or the raw number text; null for other kinds.</summary>
    public string? Text { get; }

    /// <summary>
    /// True when the string contained no escape sequences, so a character index in
    /// <see cref="Text"/> maps to <c>Span.Start + 1 + index</c> in the source.
    /// </summary>
    public bool IsVerbatim { get; init; }

    public IReadOnlyList<JsonProperty> Properties { get; }
}
