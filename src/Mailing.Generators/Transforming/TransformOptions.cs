using Mailing.Generators.Css;

namespace Mailing.Generators.Transforming;

/// <summary>How <see cref="HtmlTemplateTransform.Apply"/> should treat one template.</summary>
/// <param name="InlineCss">False when the class asked for run-time CSS inlining.</param>
/// <param name="TemplatePath">The HTML template file, or null for an inline template.</param>
/// <param name="HasTextTemplate">True when the class has its own text template, so no text needs deriving.</param>
/// <param name="Stylesheets">Finds the stylesheets the template links to; null finds none, so every link is reported.</param>
internal sealed record TransformOptions(bool InlineCss, string? TemplatePath, bool HasTextTemplate = false, LinkedStylesheetFinder? Stylesheets = null);
