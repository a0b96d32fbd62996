namespace Mailing.Generators.Css;

/// <summary>How <see cref="CssInliner"/> runs PreMailer.</summary>
/// <param name="StyleBlocks">What happens to <c>&lt;style&gt;</c> blocks.</param>
/// <param name="Stylesheets">
/// Finds the stylesheets the template links to. A linked stylesheet found is inlined as if its
/// <c>&lt;link&gt;</c> were a <c>&lt;style&gt;</c> block holding its text, and that block is what
/// the output has in the link's place; any other is left alone and reported. Nothing is ever downloaded.
/// </param>
internal sealed record CssInliningOptions(StyleBlockMode StyleBlocks, LinkedStylesheetFinder Stylesheets)
{
    public static CssInliningOptions Default { get; } = new(StyleBlockMode.KeepAll, NoStylesheets);

    /// <summary>Finds nothing: every linked stylesheet is reported.</summary>
    public static StylesheetLookup NoStylesheets(string href, int linkOffset) => StylesheetLookup.NotFound(
        "it is neither downloaded nor inlined; put its rules in a <style> block or add the file to the build as an AdditionalFiles item");
}
