namespace Mailing;

/// <summary>Whether a bounce means the address is gone for good.</summary>
public enum BounceKind
{
    /// <summary>Permanent: the mailbox or domain does not exist, or the server refused the address for good. The address is suppressed.</summary>
    Hard = 0,

    /// <summary>The server refused this message but the address may work later (mailbox full, blocked content, too large). Not suppressed.</summary>
    Soft = 1,
}
