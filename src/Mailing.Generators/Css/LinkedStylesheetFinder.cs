namespace Mailing.Generators.Css;

/// <summary>Finds the text of a stylesheet a template links to. It must do no I/O.</summary>
/// <param name="href">The <c>href</c> as written in the template.</param>
/// <param name="linkOffset">
/// Offset of the <c>&lt;link&gt;</c> in the template given to <see cref="CssInliner.Inline"/>: in a
/// template composed from a layout and partials, it tells which file the link was written in, and
/// so what a relative <paramref name="href"/> is relative to.
/// </param>
internal delegate StylesheetLookup LinkedStylesheetFinder(string href, int linkOffset);
