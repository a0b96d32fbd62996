namespace Mailing.DevInbox.Previews;

/// <summary>
/// The previews the inbox shows: read afresh on every request, because a library's generated registry joins
/// <see cref="EmailPreviewCatalog"/> only once the app first uses that library.
/// </summary>
internal sealed class PreviewCatalog(Func<IReadOnlyList<EmailPreview>> previews)
{
    /// <summary>Every preview, ordered by template and name.</summary>
    public IReadOnlyList<EmailPreview> All =>
        previews().OrderBy(p => p.TemplateName, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToArray();

    public EmailPreview? Find(string template, string name) =>
        previews().FirstOrDefault(p => string.Equals(p.TemplateName, template, StringComparison.Ordinal) && string.Equals(p.Name, name, StringComparison.Ordinal));
}
