namespace Mailing.Diagnostics;

/// <summary>
/// Where Mailing's documentation lives, for help links. Compiled into the generator and the analyzers from this one
/// file, and equal to the packages' <c>RepositoryUrl</c> in Directory.Build.props (a test checks both).
/// </summary>
internal static class DocumentationLinks
{
    /// <summary>The repository's web address.</summary>
    public const string RepositoryUrl = "https://github.com/mailing/mailing";

    /// <summary>Where the diagnostic pages live, relative to the repository root.</summary>
    public const string DiagnosticsPath = "docs/diagnostics/";

    /// <summary>The base every help link starts with.</summary>
    public const string DiagnosticsBase = RepositoryUrl + "/blob/main/" + DiagnosticsPath;

    /// <summary>The page of one diagnostic, e.g. <c>…/docs/diagnostics/MAIL0202.md</c>.</summary>
    public static string Diagnostic(string id) => DiagnosticsBase + id + ".md";
}
