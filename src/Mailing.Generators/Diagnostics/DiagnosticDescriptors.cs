using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mailing.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports: ids, titles and messages live here only.</summary>
internal static class DiagnosticDescriptors
{
    private const string TemplateCategory = "Mailing.Templates";
    private const string ContentCategory = "Mailing.Content";

    public static readonly DiagnosticDescriptor TemplateSyntaxError = Error(
        "MAIL0001", "Template syntax error", "{0}");

    public static readonly DiagnosticDescriptor UnknownMember = Error(
        "MAIL0002", "Unknown name in template", "'{0}' is not a member of {1}{2}");

    public static readonly DiagnosticDescriptor NotEnumerable = Error(
        "MAIL0003", "Loop over a value that is not a collection", "'for' needs a collection, but '{0}' is {1}");

    public static readonly DiagnosticDescriptor UnknownFunction = Error(
        "MAIL0004", "Unknown template function", "'{0}' is not a supported function{1}");

    public static readonly DiagnosticDescriptor WrongArgumentCount = Error(
        "MAIL0005", "Wrong number of arguments", "'{0}' takes {1}, but {2} given");

    public static readonly DiagnosticDescriptor TemplateFileNotFound = Error(
        "MAIL0006", "Template file not found", "{0} '{1}' was not found among the AdditionalFiles{2}");

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "MAIL0007", "Template class must be partial", "'{0}' must be declared partial so the generator can add Render()");

    public static readonly DiagnosticDescriptor ClassIsGeneric = Error(
        "MAIL0008", "Template class cannot be generic", "'{0}' is generic; template classes cannot have type parameters");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "MAIL0009", "Containing type must be partial", "'{0}' is nested in '{1}', which must be declared partial too");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(
        "MAIL0010", "Unsupported template construct", "{0} is not supported in compiled templates{1}");

    public static readonly DiagnosticDescriptor RawOutput = new(
        "MAIL0011",
        "Raw HTML output",
        "'{0}' is written without HTML escaping; make sure it cannot contain user input",
        TemplateCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("MAIL0011"));

    public static readonly DiagnosticDescriptor NoTemplate = Error(
        "MAIL0012", "No HTML template", "'{0}' names no HTML template: pass a path to [EmailTemplate(\"Templates/X.sbn-html\")] or set Html = \"...\"");

    public static readonly DiagnosticDescriptor IncompatibleTypes = Error(
        "MAIL0013", "Incompatible types in template expression", "{0}");

    public static readonly DiagnosticDescriptor LayoutWithoutContent = new(
        "MAIL0014",
        "Layout without {{ content }}",
        "Layout '{0}' has no {{{{ content }}}}, so the email body is never shown",
        TemplateCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("MAIL0014"));

    public static readonly DiagnosticDescriptor PreviewNotStatic = Error(
        "MAIL0015", "Preview method must be static", "[EmailPreview] method '{0}' must be static: the dev inbox calls it without an instance");

    public static readonly DiagnosticDescriptor PreviewHasParameters = Error(
        "MAIL0016", "Preview method cannot take parameters", "[EmailPreview] method '{0}' must take no parameters and no type parameters: put the sample data in its body");

    public static readonly DiagnosticDescriptor PreviewReturnsOtherType = Error(
        "MAIL0017", "Preview method must return its template class", "[EmailPreview] method '{0}' returns {1}; it must return a filled {2}");

    public static readonly DiagnosticDescriptor PreviewOutsideTemplate = Error(
        "MAIL0018", "Preview outside a template class", "[EmailPreview] method '{0}' is in '{1}', which has no [EmailTemplate]; move it into the template class it previews");

    public static readonly DiagnosticDescriptor PreviewNotAccessible = Error(
        "MAIL0019", "Preview method is not accessible", "[EmailPreview] method '{0}' and the classes around it must be internal or public, so the generated preview registry can call it");

    public static readonly DiagnosticDescriptor BulkWithoutUnsubscribe = Error(
        "MAIL0020", "Bulk template without an unsubscribe link", "'{0}' is a bulk template (Kind = EmailKind.Bulk) but no member is marked [UnsubscribeUrl]: add one that holds the recipient's https one-click unsubscribe link, e.g. [UnsubscribeUrl] public required Uri UnsubscribeUrl {{ get; init; }}");

    public static readonly DiagnosticDescriptor UnsubscribeUrlNotHttps = Error(
        "MAIL0021", "Unsubscribe link is not https", "The unsubscribe link \"{0}\" is not an https:// URL: one-click unsubscribe (RFC 8058) needs https, and rendering the template would throw");

    public static readonly DiagnosticDescriptor InvalidUnsubscribeMember = Error(
        "MAIL0022", "Invalid unsubscribe member", "{0}");

    private static Dictionary<string, DiagnosticDescriptor>? s_byId;

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    // Built on first use, not in a field initializer: initializers run in textual order, and the
    // css helper's descriptors are declared below.
    private static Dictionary<string, DiagnosticDescriptor> ById => s_byId ??= typeof(DiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToDictionary(d => d.Id);

    public static DiagnosticDescriptor Find(string id) => ById[id];

    internal static string HelpLink(string id) => global::Mailing.Diagnostics.DocumentationLinks.Diagnostic(id);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, TemplateCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    // MAIL0100-0199: content quality (css helper)
    // Use ContentCategory for these descriptors.

    public static readonly DiagnosticDescriptor CssDependsOnData = Content(
        Css.ContentDiagnosticIds.CssDependsOnData, DiagnosticSeverity.Warning,
        "CSS cannot be inlined at build time",
        "CSS cannot be inlined at build time: {0}. The template is emitted with its <style> block only; use [EmailTemplate(..., CssInlining = CssInlining.Runtime)] to inline each rendered message instead");

    public static readonly DiagnosticDescriptor StylesheetNotInlined = Content(
        Css.ContentDiagnosticIds.StylesheetNotInlined, DiagnosticSeverity.Warning,
        "External stylesheet not inlined", "{0}");

    public static readonly DiagnosticDescriptor ImageWithoutAlt = Content(
        Css.ContentDiagnosticIds.ImageWithoutAlt, DiagnosticSeverity.Warning,
        "Image without alt text", "{0}");

    public static readonly DiagnosticDescriptor InsecureLink = Content(
        Css.ContentDiagnosticIds.InsecureLink, DiagnosticSeverity.Warning,
        "Link or image over plain http", "{0}");

    public static readonly DiagnosticDescriptor UnusedStyleRule = Content(
        Css.ContentDiagnosticIds.UnusedStyleRule, DiagnosticSeverity.Info,
        "CSS rule matches nothing", "{0}");

    public static readonly DiagnosticDescriptor GmailClipping = Content(
        Css.ContentDiagnosticIds.GmailClipping, DiagnosticSeverity.Warning,
        "HTML close to Gmail's 102 KB clipping limit", "{0}");

    public static readonly DiagnosticDescriptor MissingPreheader = Content(
        Css.ContentDiagnosticIds.MissingPreheader, DiagnosticSeverity.Info,
        "No preheader", "{0}");

    private static DiagnosticDescriptor Content(string id, DiagnosticSeverity severity, string title, string message) =>
        new(id, title, message, ContentCategory, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
