namespace Mailing.Sample.Web.Emails;

/// <summary>
/// What every sample email shares: the brand in the layout's masthead and footer, and the
/// preheader (the line a mail client shows after the subject in the inbox list).
/// </summary>
/// <remarks>
/// The layout and email.css are adapted from Postmark's MIT-licensed transactional templates
/// (../shared/corpus). email.css is inlined at build time; what cannot be inlined (the
/// <c>@media</c> rules) stays in a <c>&lt;style&gt;</c> block, so it carries no comments: they would be sent.
/// </remarks>
public abstract class ProductEmail
{
    public required Brand Brand { get; init; }

    public abstract string Preheader { get; }
}

/// <summary>The sender's identity, written into the layout and footer of every email.</summary>
public sealed record Brand(string Name, Uri Url, string PostalAddress, string SupportEmail);
