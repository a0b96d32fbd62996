namespace Mailing;

/// <summary>
/// An event Mailing has no type for (SendGrid's <c>processed</c>, Resend's <c>email.sent</c>, a type a provider added
/// later): kept with its raw JSON rather than refused, so nothing the provider sends is lost.
/// </summary>
public sealed record UnknownMailEvent : MailEvent
{
    /// <summary>The provider's name for the event type, e.g. <c>processed</c> or <c>email.sent</c>.</summary>
    public required string ProviderEventType { get; init; }
}
