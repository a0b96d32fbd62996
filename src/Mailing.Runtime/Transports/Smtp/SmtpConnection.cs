namespace Mailing.Transports.Smtp;

/// <summary>One open, authenticated SMTP session and when it was last used; owned by one send at a time.</summary>
internal sealed class SmtpConnection(RecipientTrackingSmtpClient client, long createdAt)
{
    public RecipientTrackingSmtpClient Client { get; } = client;

    /// <summary>When the connection was last returned to the pool (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastUsedAt { get; set; } = createdAt;

    /// <summary>Whether this lease reuses a connection an earlier send opened.</summary>
    public bool IsReused { get; set; }
}
