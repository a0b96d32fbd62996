namespace Mailing.Generators.Model;

/// <summary>What one <c>[EmailPreview]</c> method contributes: a registry entry when it is valid, and its diagnostics.</summary>
internal sealed record PreviewMethodSpec(PreviewEntry? Entry, EquatableArray<DiagnosticInfo> Diagnostics);
