using Mailing.Generators.Model;

namespace Mailing.Generators.Transforming;

/// <summary>
/// The step between binding and emitting that may rewrite the HTML template (CSS inlining) and
/// derive a plain-text template from it.
/// </summary>
internal static class HtmlTemplateTransform
{
    /// <summary>
    /// Called after the HTML template, composed with its layout and partials, parsed and bound
    /// without errors, and before emitting. Returns the Scriban template text to emit from.
    /// </summary>
    public static TransformResult Apply(string composedHtmlTemplate, TransformOptions options)
        => new(composedHtmlTemplate, null, EquatableArray<TransformFinding>.Empty);
}
