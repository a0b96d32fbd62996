namespace Mailing;

/// <summary>One sample of a template: a factory for a filled instance and the names the dev inbox shows it under.</summary>
/// <remarks>The source generator creates these for every <see cref="EmailPreviewAttribute"/> method; they are plain delegates, safe under trimming and Native AOT.</remarks>
public sealed class EmailPreview
{
    private readonly Func<IEmailTemplate> _create;

    /// <summary>Describes a preview.</summary>
    /// <param name="templateName">The template class's name, e.g. <c>OrderReceiptEmail</c>.</param>
    /// <param name="name">The preview's id within its template: the method's name, e.g. <c>LongOrder</c>.</param>
    /// <param name="create">Creates a filled instance of the template.</param>
    /// <param name="displayName">What the inbox shows; <paramref name="name"/> when <see langword="null"/>.</param>
    /// <param name="description">What the sample shows, if said.</param>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    public EmailPreview(string templateName, string name, Func<IEmailTemplate> create, string? displayName = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateName);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        TemplateName = templateName;
        Name = name;
        _create = create;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName;
        Description = description;
    }

    /// <summary>The template class's name, e.g. <c>OrderReceiptEmail</c>.</summary>
    public string TemplateName { get; }

    /// <summary>The preview's id within its template (the method's name).</summary>
    public string Name { get; }

    /// <summary>What the inbox shows.</summary>
    public string DisplayName { get; }

    /// <summary>What the sample shows, if said.</summary>
    public string? Description { get; }

    /// <summary>Runs the preview method: a new, filled instance of the template.</summary>
    public IEmailTemplate Create() => _create();

    /// <summary>Renders a new instance with the template's compiled render methods.</summary>
    /// <param name="culture">The culture numbers and dates are formatted with; invariant when <see langword="null"/>.</param>
    public RenderedEmail Render(IFormatProvider? culture = null) => Create().Render(culture);
}
