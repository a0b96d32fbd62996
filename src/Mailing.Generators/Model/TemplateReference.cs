namespace Mailing.Generators.Model;

/// <summary>
/// A template named by the attribute: a file path, or inline text from a string literal.
/// </summary>
/// <param name="Path">The file, relative to the project, when the template is a file.</param>
/// <param name="InlineText">The template text, when it is inline.</param>
/// <param name="Location">Where the attribute argument is, for diagnostics.</param>
/// <param name="InlineTextOffset">
/// Offset of the inline text's first character in the source file, when the literal has no escapes
/// (so template positions map exactly into the C# file); otherwise null.
/// </param>
internal sealed record TemplateReference(string? Path, string? InlineText, LocationInfo? Location, int? InlineTextOffset);
