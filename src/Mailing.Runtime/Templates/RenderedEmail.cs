namespace Mailing;

/// <summary>The output of <see cref="IEmailTemplate.Render"/>: what goes into a message.</summary>
/// <param name="Subject">The rendered subject line (one line, no CR or LF).</param>
/// <param name="Html">The HTML body, CSS already inlined.</param>
/// <param name="Text">The plain-text body.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text)
{
    /// <summary>The template's <see cref="EmailTemplateAttribute.Kind"/>: transactional unless the template says bulk.</summary>
    public EmailKind Kind { get; init; }

    /// <summary>
    /// Where the recipient unsubscribes, from the template's <see cref="UnsubscribeUrlAttribute"/> and
    /// <see cref="UnsubscribeMailtoAttribute"/> members; <see langword="null"/> when it has none or the URL is null.
    /// </summary>
    public UnsubscribeTarget? Unsubscribe { get; init; }
}
