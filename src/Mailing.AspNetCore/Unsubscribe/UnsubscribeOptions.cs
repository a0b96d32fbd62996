namespace Mailing;

/// <summary>
/// How unsubscribe links are made and answered: <c>Mailing:Unsubscribe</c>, read by
/// <see cref="UnsubscribeMailingBuilderExtensions.AddUnsubscribe(MailingBuilder, Microsoft.Extensions.Configuration.IConfiguration)"/>.
/// </summary>
/// <example>
/// <code language="json">
/// "Mailing": {
///   "Unsubscribe": { "Url": "https://shop.example/unsubscribe", "LinkLifetime": "90.00:00:00" }
/// }
/// </code>
/// </example>
public sealed class UnsubscribeOptions
{
    /// <summary>The default <see cref="LinkLifetime"/>: 90 days.</summary>
    public static readonly TimeSpan DefaultLinkLifetime = TimeSpan.FromDays(90);

    /// <summary>
    /// The public https address of the endpoint <c>MapMailingUnsubscribe</c> serves, e.g. <c>https://shop.example/unsubscribe</c>.
    /// Required; links are this URL plus a <c>token</c> query parameter.
    /// </summary>
    /// <remarks>
    /// It must be absolute and https (RFC 8058), and its path must end with the pattern passed to <c>MapMailingUnsubscribe</c>.
    /// Mail is often sent from a background job with no request to learn the host from, so it is configured, not guessed.
    /// </remarks>
    public Uri? Url { get; set; }

    /// <summary>How long a link works after the message was sent; 90 days unless set.</summary>
    /// <remarks>
    /// CAN-SPAM requires an unsubscribe link to keep working for at least 30 days after sending. An expired link shows
    /// a page saying so (HTTP 410) and unsubscribes nobody, so keep it well above the age of the mail people still act on.
    /// </remarks>
    public TimeSpan LinkLifetime { get; set; } = DefaultLinkLifetime;

    /// <summary>Problems found while reading configuration, reported by start-up validation.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>The configuration section the options came from, to name keys in messages.</summary>
    internal string SectionPath { get; set; } = "Mailing:Unsubscribe";
}
