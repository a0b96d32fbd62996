namespace Mailing;

/// <summary>The previews of one assembly; the source generator implements it for every project with <see cref="EmailPreviewAttribute"/> methods.</summary>
public interface IEmailPreviewSource
{
    /// <summary>Every preview, ordered by template and then by preview name.</summary>
    IReadOnlyList<EmailPreview> Previews { get; }
}
