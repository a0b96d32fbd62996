namespace Mailing;

/// <summary>
/// Marks a <see langword="partial"/> class as a typed email template. At build time the Mailing
/// source generator parses the Scriban template, binds every name in it to a public member of the
/// class, and generates <see cref="IEmailTemplate.Render"/>.
/// </summary>
/// <remarks>
/// Template paths are relative to the project directory and must be included as
/// <c>AdditionalFiles</c> (the Mailing package does this for <c>**/*.sbn-html</c> and
/// <c>**/*.sbn-txt</c>). A name that the class does not have is a build error at the template's
/// line and column.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EmailTemplateAttribute : Attribute
{
    /// <summary>Uses the HTML template in the file at <paramref name="htmlTemplatePath"/>.</summary>
    /// <param name="htmlTemplatePath">The <c>.sbn-html</c> file, relative to the project directory.</param>
    public EmailTemplateAttribute(string htmlTemplatePath) => HtmlTemplatePath = htmlTemplatePath;

    /// <summary>Uses an inline HTML template given in <see cref="Html"/>.</summary>
    public EmailTemplateAttribute() { }

    /// <summary>The <c>.sbn-html</c> file, relative to the project directory, if the template is in a file.</summary>
    public string? HtmlTemplatePath { get; }

    /// <summary>An inline Scriban HTML template, used when no file is named.</summary>
    public string? Html { get; set; }

    /// <summary>The subject line: a one-line Scriban template, e.g. <c>"Your order {{ order.number }}"</c>.</summary>
    public string? Subject { get; set; }

    /// <summary>The <c>.sbn-txt</c> file for the plain-text body; derived from the HTML when omitted.</summary>
    public string? TextTemplate { get; set; }

    /// <summary>An inline Scriban plain-text template, used when <see cref="TextTemplate"/> is not set.</summary>
    public string? Text { get; set; }

    /// <summary>A layout template that renders the body where it says <c>{{ content }}</c>.</summary>
    /// <remarks>The layout applies to the HTML part only; the text part is rendered on its own.</remarks>
    public string? Layout { get; set; }

    /// <summary>When the template's CSS is inlined; <see cref="Mailing.CssInlining.Build"/> unless set.</summary>
    public CssInlining CssInlining { get; set; } = CssInlining.Build;

    /// <summary>
    /// Whether the template is transactional mail (the default) or bulk mail: newsletters, digests, announcements.
    /// </summary>
    /// <remarks>
    /// A bulk template must mark one of its members <see cref="UnsubscribeUrlAttribute"/>; without one the build fails
    /// (MAIL0020). Its messages get <see cref="EmailKind.Bulk"/>, the <c>List-Unsubscribe</c> and
    /// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> headers (RFC 8058) and <c>Precedence: bulk</c>, which
    /// Gmail and Yahoo require of bulk senders. Transactional mail gets none of them.
    /// </remarks>
    public EmailKind Kind { get; set; }
}
