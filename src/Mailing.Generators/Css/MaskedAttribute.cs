namespace Mailing.Generators.Css;

/// <summary>An attribute whose value is written (partly) by template code.</summary>
/// <param name="ElementStart">Offset of the element's start tag.</param>
/// <param name="Name">The attribute name in lower case.</param>
/// <param name="ValueStart">Offset of the value.</param>
/// <param name="ValueEnd">Offset just past the value.</param>
internal sealed record MaskedAttribute(int ElementStart, string Name, int ValueStart, int ValueEnd);
