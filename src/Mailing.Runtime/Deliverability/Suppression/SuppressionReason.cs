namespace Mailing;

/// <summary>Why an address is on the suppression list; decides which mail it stops.</summary>
public enum SuppressionReason
{
    /// <summary>The address hard-bounced: it does not exist. Stops all mail.</summary>
    HardBounce = 0,

    /// <summary>The recipient marked a message as spam. Stops all mail.</summary>
    Complaint = 1,

    /// <summary>The recipient unsubscribed (a List-Unsubscribe click, the provider's link). Stops bulk mail only; receipts and password resets still go.</summary>
    Unsubscribed = 2,

    /// <summary>Added by hand or imported (support staff, a provider's export). Stops all mail.</summary>
    Manual = 3,
}
