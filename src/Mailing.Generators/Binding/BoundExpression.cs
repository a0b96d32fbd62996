namespace Mailing.Generators.Binding;

/// <summary>A template expression bound to C#: the code that computes it and its type.</summary>
/// <param name="Code">A C# expression, parenthesized where precedence could matter.</param>
/// <param name="Type">Its static type.</param>
/// <param name="IsMarkup">True when the value is already HTML (raw marker, <c>html.escape</c>, captured HTML) and must not be escaped again.</param>
internal sealed record BoundExpression(string Code, BoundType Type, bool IsMarkup = false);
