namespace Mailing.Generators.Model;

/// <summary>Everything the generator needs from one <c>[EmailTemplate]</c> class, as equatable data.</summary>
/// <remarks>
/// <see cref="ClassDiagnostics"/> are problems of the class's shape (not partial, generic): with an error among them
/// nothing can be generated. <see cref="DeliverabilityDiagnostics"/> (bulk without unsubscribe, http link) fail the
/// build too, but the class still gets its members, so they are the only errors shown.
/// </remarks>
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
    EquatableArray<DiagnosticInfo> ClassDiagnostics,
    bool IsBulk,
    UnsubscribeSpec? Unsubscribe,
    EquatableArray<DiagnosticInfo> DeliverabilityDiagnostics);
