namespace Mailing.Generators.Css;

/// <summary>
/// The ids of the MAIL01xx findings the transform stages produce; their descriptors (title,
/// message, severity, help link) are in <c>Diagnostics/DiagnosticDescriptors.cs</c>.
/// </summary>
internal static class ContentDiagnosticIds
{
    public const string CssDependsOnData = "MAIL0100";
    public const string StylesheetNotInlined = "MAIL0101";
    public const string ImageWithoutAlt = "MAIL0102";
    public const string InsecureLink = "MAIL0103";
    public const string UnusedStyleRule = "MAIL0104";
    public const string GmailClipping = "MAIL0105";
    public const string MissingPreheader = "MAIL0106";
}
