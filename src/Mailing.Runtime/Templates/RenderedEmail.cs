namespace Mailing;

/// <summary>The output of <see cref="IEmailTemplate.Render"/>: what goes into a message.</summary>
/// <param name="Subject">The rendered subject line (one line, no CR or LF).</param>
/// <param name="Html">The HTML body, CSS already inlined.</param>
/// <param name="Text">The plain-text body.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text);
