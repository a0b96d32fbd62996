namespace Mailing.Generators.Css;

/// <summary>An attribute of a start tag, by position in the scanned text.</summary>
/// <param name="Name">The attribute name in lower case.</param>
/// <param name="NameStart">Offset of the name.</param>
/// <param name="ValueStart">Offset of the value's first character (inside the quotes), or -1 without a value.</param>
/// <param name="ValueEnd">Offset just past the value (before the closing quote), or -1 without a value.</param>
/// <param name="Quote">The quote character around the value, or <c>'\0'</c> for an unquoted value.</param>
internal sealed record MarkupAttribute(string Name, int NameStart, int ValueStart, int ValueEnd, char Quote)
{
    public bool HasValue => ValueStart >= 0;
}
