namespace Mailing.Dispatch;

/// <summary>A routing rule: messages it matches go through the named transport, unless the message names one itself.</summary>
/// <param name="TransportName">A transport configured under <c>Mailing:Transports</c> or added in code.</param>
/// <param name="Matches">Whether a message takes this route.</param>
/// <param name="Description">What the rule matches, for errors and logs (e.g. <c>tag "newsletter"</c>).</param>
internal sealed record MailRoute(string TransportName, Func<EmailMessage, bool> Matches, string Description);
