namespace Mailing.Generators.Css;

/// <summary>Template code that stops the CSS from being inlined at build time.</summary>
/// <param name="Start">Offset of the code (or markup) in the template.</param>
/// <param name="Length">Its length.</param>
/// <param name="Reason">Why, in words a user can act on.</param>
internal sealed record CssBlockingCode(int Start, int Length, string Reason);
