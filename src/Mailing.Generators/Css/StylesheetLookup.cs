namespace Mailing.Generators.Css;

/// <summary>What the <c>href</c> of a <c>&lt;link rel="stylesheet"&gt;</c> led to: the sheet's text, or why it is not inlined.</summary>
/// <param name="Css">The stylesheet's text, or null when it was not found.</param>
/// <param name="NotInlinedBecause">
/// When <paramref name="Css"/> is null: why, and what to do about it, as the end of a MAIL0101
/// message ("the stylesheet 'x.css' is not inlined: ...").
/// </param>
internal sealed record StylesheetLookup(string? Css, string? NotInlinedBecause)
{
    public static StylesheetLookup Found(string css) => new(css, null);

    public static StylesheetLookup NotFound(string because) => new(null, because);
}
