namespace Mailing.Generators.Model;

/// <summary>The result for one class: the generated source (if any) and the diagnostics.</summary>
internal sealed record TemplateOutput(string HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics);
