namespace Mailing.Generators.Css;

/// <summary>The kinds of token <see cref="HtmlMarkupScanner"/> produces.</summary>
internal enum MarkupTokenKind
{
    /// <summary>Character data between tags.</summary>
    Text,

    /// <summary>The content of <c>style</c>, <c>script</c>, <c>title</c> or <c>textarea</c>: no tags inside.</summary>
    RawText,

    /// <summary>An opening tag with its attributes.</summary>
    StartTag,

    /// <summary>A closing tag.</summary>
    EndTag,

    /// <summary>A comment, doctype or processing instruction.</summary>
    Other,
}
