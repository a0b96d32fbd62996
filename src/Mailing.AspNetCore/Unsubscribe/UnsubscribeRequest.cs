using Microsoft.AspNetCore.Http;

namespace Mailing;

/// <summary>An unsubscribe the endpoint accepted: who, from which list, and how; handed to the application's handler.</summary>
/// <remarks>
/// The recipient and the list come from the link's token, which only this application's Data Protection key ring can
/// have made: they are what the application put in the link with <see cref="UnsubscribeLinks.Create(EmailAddress, string)"/>.
/// </remarks>
public sealed class UnsubscribeRequest
{
    internal UnsubscribeRequest(EmailAddress recipient, string list, UnsubscribeMethod method, DateTimeOffset linkCreatedAt, HttpContext httpContext)
    {
        Recipient = recipient;
        List = list;
        Method = method;
        LinkCreatedAt = linkCreatedAt;
        HttpContext = httpContext;
    }

    /// <summary>The address to stop sending the list to.</summary>
    public EmailAddress Recipient { get; }

    /// <summary>The list, as named when the link was made (e.g. <c>newsletter</c>).</summary>
    public string List { get; }

    /// <summary>Whether a mailbox provider's one-click POST or a person on the confirmation page unsubscribed.</summary>
    public UnsubscribeMethod Method { get; }

    /// <summary>When the link was made, usually when the message was sent.</summary>
    public DateTimeOffset LinkCreatedAt { get; }

    /// <summary>The request, for its services (<see cref="HttpContext.RequestServices"/>) and aborted token.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Shows the list and the recipient's domain, never the whole address.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"Unsubscribe from \"{List}\" for a recipient at {Recipient.Domain} ({Method})";
}
