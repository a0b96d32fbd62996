namespace Mailing;

/// <summary>
/// Marks a static, parameterless method of an <see cref="EmailTemplateAttribute"/> class that returns a filled
/// instance of the class: sample data the dev inbox renders as a preview. A class may have several.
/// </summary>
/// <remarks>
/// The source generator lists every preview of the project in a generated <see cref="IEmailPreviewSource"/> that
/// registers itself in <see cref="EmailPreviewCatalog"/> when the assembly is loaded: no reflection, nothing to call.
/// A method that is not static, takes parameters or returns another type is a build error (MAIL0015–MAIL0017), and
/// so is the attribute on a class without <see cref="EmailTemplateAttribute"/> (MAIL0018).
/// </remarks>
/// <example>
/// <code>
/// [EmailPreview("Long order", Description = "Twelve lines, one of them discounted")]
/// public static OrderReceiptEmail LongOrder() => new() { Customer = ..., Order = ... };
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EmailPreviewAttribute : Attribute
{
    /// <summary>A preview shown under the method's name.</summary>
    public EmailPreviewAttribute() { }

    /// <summary>A preview shown as <paramref name="displayName"/>.</summary>
    /// <param name="displayName">What the inbox shows, e.g. <c>"Long order"</c>.</param>
    public EmailPreviewAttribute(string displayName) => DisplayName = displayName;

    /// <summary>What the inbox shows; the method's name when <see langword="null"/>.</summary>
    public string? DisplayName { get; }

    /// <summary>A sentence on what this sample shows (an edge case, a locale, a long name).</summary>
    public string? Description { get; set; }
}
