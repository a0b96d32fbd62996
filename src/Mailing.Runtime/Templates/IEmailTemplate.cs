namespace Mailing;

/// <summary>
/// A typed email template: a partial class marked with <see cref="EmailTemplateAttribute"/> whose
/// public properties are the template's data. The Mailing source generator implements this
/// interface on the class at build time.
/// </summary>
public interface IEmailTemplate
{
    /// <summary>Renders the subject, the HTML body and the plain-text body.</summary>
    /// <param name="culture">The culture numbers and dates are formatted with; invariant when <see langword="null"/>.</param>
    RenderedEmail Render(IFormatProvider? culture = null);

    /// <summary>Writes the HTML body to <paramref name="writer"/> without building an intermediate string.</summary>
    /// <param name="writer">Where the HTML is written.</param>
    /// <param name="culture">The culture numbers and dates are formatted with; invariant when <see langword="null"/>.</param>
    void RenderHtml(TextWriter writer, IFormatProvider? culture = null);
}
