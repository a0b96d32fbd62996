using AngleSharp.Dom;

namespace Mailing.Generators.Css;

/// <summary>A <c>&lt;link&gt;</c>ed stylesheet that was found, while <see cref="CssInliner"/> inlines it.</summary>
/// <param name="Style">The <c>&lt;style&gt;</c> element that stands in the link's place in PreMailer's document.</param>
/// <param name="Tag">The <c>&lt;link&gt;</c> tag in the template, which the style block replaces.</param>
/// <param name="Css">The stylesheet's text.</param>
internal sealed record LinkedStylesheet(IElement Style, MarkupToken Tag, string Css);
