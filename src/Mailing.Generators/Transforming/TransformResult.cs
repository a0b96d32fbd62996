using Mailing.Generators.Model;

namespace Mailing.Generators.Transforming;

/// <summary>What <see cref="HtmlTemplateTransform.Apply"/> produced.</summary>
/// <param name="HtmlTemplate">The Scriban template text the HTML part is emitted from.</param>
/// <param name="DerivedTextTemplate">
/// A Scriban template for the plain-text part, used when the class has no text template of its own;
/// null means the text part is empty.
/// </param>
/// <param name="Findings">Diagnostics to report, positioned in the composed template text.</param>
internal sealed record TransformResult(
    string HtmlTemplate,
    string? DerivedTextTemplate,
    EquatableArray<TransformFinding> Findings);
