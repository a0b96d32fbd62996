namespace Mailing.Generators.Model;

/// <summary>Everything the generator needs from one <c>[EmailTemplate]</c> class, as equatable data.</summary>
internal sealed record TemplateClassSpec(
    string? Namespace,
    string ClassName,
    string Keyword,
    string HintName,
    EquatableArray<string> ContainingTypes,
    string ModelTypeName,
    EquatableArray<TypeShape> Types,
    TemplateReference Html,
    TemplateReference? Subject,
    TemplateReference? Text,
    string? LayoutPath,
    LocationInfo? LayoutLocation,
    bool InlineCss,
    LocationInfo? AttributeLocation,
    EquatableArray<DiagnosticInfo> ClassDiagnostics);
