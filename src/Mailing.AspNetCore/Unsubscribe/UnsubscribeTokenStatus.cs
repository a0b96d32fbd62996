namespace Mailing;

/// <summary>What reading an unsubscribe token found.</summary>
internal enum UnsubscribeTokenStatus
{
    /// <summary>Signed by this application's key ring and not expired.</summary>
    Valid,

    /// <summary>Missing, malformed, altered, or signed by another key ring: it proves nothing.</summary>
    Invalid,

    /// <summary>Genuine but older than its lifetime.</summary>
    Expired,
}
