namespace Mailing;

/// <summary>
/// Settings under the <c>Mailing</c> configuration section, validated when the application starts.
/// </summary>
/// <example>
/// <code language="json">
/// "Mailing": {
///   "From": "Shop &lt;no-reply@shop.example&gt;",
///   "Transport": "smtp://apikey:SECRET@smtp.sendgrid.net:587"
/// }
/// </code>
/// </example>
public sealed class MailingOptions
{
    /// <summary>
    /// The default sender, used when a message has no <see cref="EmailMessage.From"/>:
    /// <c>no-reply@shop.example</c> or <c>Shop &lt;no-reply@shop.example&gt;</c>. Required.
    /// </summary>
    public string? From { get; set; }

    /// <summary>
    /// The transport as a DSN: <c>smtp://user:password@host:587</c>, <c>smtps://...:465</c>,
    /// <c>memory://default</c> (captures messages for tests) or <c>pickup://default/path/to/dir</c>
    /// (writes <c>.eml</c> files). Optional when the transport is configured in code or in the <c>Smtp</c> child section.
    /// </summary>
    public string? Transport { get; set; }

    /// <summary>A default Reply-To address added to messages that have none, or <see langword="null"/>.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>
    /// How many messages <see cref="O:Mailing.IMailer.SendManyAsync"/> keeps in flight at once when they are not sent as a
    /// provider batch. 8 by default; an SMTP transport's pool size bounds its connections regardless.
    /// </summary>
    public int SendManyConcurrency { get; set; } = 8;

    /// <summary>Problems found while reading configuration (unparsable values), reported by start-up validation.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>The section path settings were read from (e.g. <c>Mailing</c>), used to name keys in error messages.</summary>
    internal string SectionPath { get; set; } = "Mailing";
}
