namespace Mailing;

/// <summary>
/// Marks the member of a template class that holds the recipient's one-click unsubscribe link: an <c>https://</c>
/// URL as a <see cref="Uri"/> or <see cref="string"/>. Its value becomes the message's <c>List-Unsubscribe</c> header
/// and <see cref="EmailMessage.Unsubscribe"/>.
/// </summary>
/// <remarks>
/// <para>
/// A template with <c>Kind = EmailKind.Bulk</c> must have exactly one such member (MAIL0020); any template may have
/// one. The URL must be https: a constant <c>http://</c> URL fails the build (MAIL0021), and any other non-https value
/// makes <see cref="IEmailTemplate.Render"/> throw <see cref="ArgumentException"/> naming the member.
/// </para>
/// <para>
/// The link identifies the recipient and the list, so it is different for every recipient: fill it when you create
/// the template, e.g. from <c>UnsubscribeLinks.Create(recipient, "newsletter")</c> of the Mailing.AspNetCore package,
/// and use the same member in the template's footer (<c>&lt;a href="{{ unsubscribe_url }}"&gt;</c>).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [EmailTemplate("Templates/Newsletter.sbn-html", Kind = EmailKind.Bulk)]
/// public partial class NewsletterEmail
/// {
///     [UnsubscribeUrl] public required Uri UnsubscribeUrl { get; init; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class UnsubscribeUrlAttribute : Attribute
{
}
