namespace Mailing.Transports.Smtp;

/// <summary>What the server said to one mail transaction so far: who it accepted or refused, and whether the data had begun.</summary>
/// <remarks>Reused by its session for every message; read it before the session's next send.</remarks>
internal sealed class SmtpTransaction
{
    public List<EmailAddress> Accepted { get; } = [];

    public List<SmtpRecipientRefusal> Refused { get; } = [];

    /// <summary>Whether the server answered DATA with 354, so the message was (being) handed over: from here it may arrive.</summary>
    public bool DataStarted { get; set; }

    public void Reset()
    {
        Accepted.Clear();
        Refused.Clear();
        DataStarted = false;
    }
}
