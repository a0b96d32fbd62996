namespace Mailing;

/// <summary>When the CSS of an HTML template is moved into <c>style</c> attributes.</summary>
public enum CssInlining
{
    /// <summary>
    /// At build time, by the source generator: no message pays for CSS parsing. Templates whose CSS
    /// cannot be decided at build time get a diagnostic that points here.
    /// </summary>
    Build = 0,

    /// <summary>
    /// After each render, at run time: for templates whose selectors depend on the data (classes
    /// built from data, <c>:nth-child</c> over repeated rows). Costs a CSS pass per message.
    /// </summary>
    Runtime = 1,
}
