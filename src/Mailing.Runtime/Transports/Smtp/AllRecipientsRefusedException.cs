namespace Mailing.Transports.Smtp;

/// <summary>The server refused every <c>RCPT TO</c>, so no data was sent.</summary>
internal sealed class AllRecipientsRefusedException(IReadOnlyList<SmtpRecipientRefusal> refusals)
    : Exception("The SMTP server refused every recipient.")
{
    public IReadOnlyList<SmtpRecipientRefusal> Refusals { get; } = refusals;
}
