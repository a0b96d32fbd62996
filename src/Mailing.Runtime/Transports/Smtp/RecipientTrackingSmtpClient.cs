using MailKit.Net.Smtp;
using MimeKit;

namespace Mailing.Transports.Smtp;

/// <summary>
/// MailKit's client, changed so that a refused recipient is recorded instead of aborting the message for
/// everyone else, and so the transport knows when the envelope is complete (after which a failure may
/// mean the server has the message).
/// </summary>
/// <remarks>Like its base class, not thread-safe: the pool gives each send exclusive use of one instance.</remarks>
internal sealed class RecipientTrackingSmtpClient : SmtpClient
{
    private readonly List<MailboxAddress> _accepted = [];
    private readonly List<SmtpRecipientRefusal> _refused = [];
    private int _expectedRecipients;

    public IReadOnlyList<MailboxAddress> Accepted => _accepted;

    public IReadOnlyList<SmtpRecipientRefusal> Refused => _refused;

    /// <summary>
    /// Whether the server has answered every <c>RCPT TO</c> with at least one acceptance: MailKit's next
    /// step is <c>DATA</c>, so from here on a lost connection may have delivered the message.
    /// </summary>
    public bool EnvelopeAccepted => _accepted.Count > 0 && _accepted.Count + _refused.Count >= _expectedRecipients;

    public void BeginMessage(int recipientCount)
    {
        _accepted.Clear();
        _refused.Clear();
        _expectedRecipients = recipientCount;
    }

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        _accepted.Add(mailbox);
        base.OnRecipientAccepted(message, mailbox, response);
    }

    // MailKit's default throws here, which abandons the whole message because of one bad address.
    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        _refused.Add(new SmtpRecipientRefusal(mailbox, (int)response.StatusCode, response.Response));

    // Required once OnRecipientNotAccepted stops throwing: with nobody accepted, MailKit must not go on to DATA.
    protected override void OnNoRecipientsAccepted(MimeMessage message) =>
        throw new AllRecipientsRefusedException(_refused.ToArray());
}
