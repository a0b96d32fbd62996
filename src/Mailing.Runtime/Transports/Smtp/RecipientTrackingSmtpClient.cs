using MailKit.Net.Smtp;
using MimeKit;

namespace Mailing.Transports.Smtp;

/// <summary>
/// MailKit's client, changed so that a refused recipient is recorded instead of aborting the message for
/// everyone else, so the transport knows when the envelope is complete (after which a failure may
/// mean the server has the message), and so a message that fits the server's size limit is not serialized twice.
/// </summary>
/// <remarks>Like its base class, not thread-safe: the pool gives each send exclusive use of one instance.</remarks>
internal sealed class RecipientTrackingSmtpClient : SmtpClient
{
    private const long UnknownSize = -1;

    private readonly List<MailboxAddress> _accepted = [];
    private readonly List<SmtpRecipientRefusal> _refused = [];
    private int _expectedRecipients;
    private long? _sizeUpperBound;

    public IReadOnlyList<MailboxAddress> Accepted => _accepted;

    public IReadOnlyList<SmtpRecipientRefusal> Refused => _refused;

    /// <summary>
    /// Whether the server has answered every <c>RCPT TO</c> with at least one acceptance: MailKit's next
    /// step is <c>DATA</c>, so from here on a lost connection may have delivered the message.
    /// </summary>
    public bool EnvelopeAccepted => _accepted.Count > 0 && _accepted.Count + _refused.Count >= _expectedRecipients;

    /// <param name="recipientCount">How many envelope recipients MailKit will send RCPT TO for.</param>
    /// <param name="sizeUpperBound">Bytes the serialized message cannot exceed, or <see langword="null"/> when unknown.</param>
    public void BeginMessage(int recipientCount, long? sizeUpperBound)
    {
        _accepted.Clear();
        _refused.Clear();
        _expectedRecipients = recipientCount;
        _sizeUpperBound = sizeUpperBound;
    }

    // MailKit measures the message by serializing it once before MAIL FROM whenever the server offers SIZE, then
    // serializes it again for DATA: for a typical message that doubles the CPU and allocation of a send. SIZE= is
    // optional (RFC 1870 §5) and only lets the server refuse an oversized message before its data; a message that
    // cannot reach the advertised limit gains nothing from it, so MailKit is told the size is unknown (-1).
    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        FitsUnderServerLimit() ? Task.FromResult(UnknownSize) : base.GetSizeAsync(options, message, cancellationToken);

    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        FitsUnderServerLimit() ? UnknownSize : base.GetSize(options, message, cancellationToken);

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        _accepted.Add(mailbox);
        base.OnRecipientAccepted(message, mailbox, response);
    }

    // BDAT needs the exact size. MailKit uses it only for binary parts (Mailing writes none) or when asked to prefer it.
    private bool FitsUnderServerLimit() =>
        _sizeUpperBound is { } bound && !PreferSendAsBinaryData && (MaxSize == 0 || bound < MaxSize);

    // MailKit's default throws here, which abandons the whole message because of one bad address.
    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        _refused.Add(new SmtpRecipientRefusal(mailbox, (int)response.StatusCode, response.Response));

    // Required once OnRecipientNotAccepted stops throwing: with nobody accepted, MailKit must not go on to DATA.
    protected override void OnNoRecipientsAccepted(MimeMessage message) =>
        throw new AllRecipientsRefusedException(_refused.ToArray());
}
