namespace Mailing.Transports.Smtp;

/// <summary>Raised from inside MailKit's send when the server refused every <c>RCPT TO</c>, so no <c>DATA</c> was sent.</summary>
internal sealed class AllRecipientsRefusedException(IReadOnlyList<SmtpRecipientRefusal> refusals)
    : Exception("The SMTP server refused every recipient.")
{
    public IReadOnlyList<SmtpRecipientRefusal> Refusals { get; } = refusals;
}
