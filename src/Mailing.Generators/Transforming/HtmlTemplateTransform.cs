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
    {
        var findings = new System.Collections.Generic.List<TransformFinding>();
        var html = composedHtmlTemplate;
        if (options.InlineCss)
        {
            // Linked stylesheets come from the build's AdditionalFiles or are reported (MAIL0101), never fetched.
            var inlined = Css.CssInliner.Inline(
                composedHtmlTemplate,
                Css.CssInliningOptions.Default with { Stylesheets = options.Stylesheets ?? Css.CssInliningOptions.NoStylesheets });
            findings.AddRange(inlined.Findings);
            html = inlined.Template;
        }

        findings.AddRange(Css.HtmlContentChecker.Check(composedHtmlTemplate, html));
        var text = options.HasTextTemplate ? null : Text.PlainTextTemplateDeriver.Derive(html);
        return new TransformResult(html, text, new EquatableArray<TransformFinding>(findings));
    }
}
