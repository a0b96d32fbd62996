namespace Mailing;

/// <summary>Whether a message answers something the recipient did, or is mail sent to many on the sender's initiative.</summary>
/// <remarks>
/// Mailbox providers hold the two to different rules: since February 2024 Gmail and Yahoo require bulk mail to be
/// authenticated and to offer one-click unsubscribe (RFC 8058). Mailing adds the unsubscribe headers to bulk mail and
/// always checks its recipients against the suppression list.
/// </remarks>
public enum EmailKind
{
    /// <summary>Mail a recipient expects because of something they did: a receipt, a password reset, a sign-in link.</summary>
    Transactional = 0,

    /// <summary>Marketing, newsletters, digests and announcements: mail sent to many on the sender's initiative.</summary>
    Bulk = 1,
}
