namespace Mailing;

/// <summary>One address on the suppression list: why, who said so, and since when.</summary>
/// <param name="Address">The address, in lower case (<c>ann@example.com</c>).</param>
/// <param name="Reason">Why it is suppressed; <see cref="SuppressionReason.Unsubscribed"/> stops bulk mail only.</param>
/// <param name="Source">Where it came from, for support staff: <c>sendgrid bounce event 1f2e…</c>, <c>unsubscribe link</c>, <c>csv import</c>.</param>
/// <param name="SuppressedAt">When the provider reported it, or when it was added.</param>
public sealed record SuppressionEntry(string Address, SuppressionReason Reason, string Source, DateTimeOffset SuppressedAt)
{
    /// <summary>Whether the entry stops a message of <paramref name="kind"/>: every reason stops bulk mail, all but <see cref="SuppressionReason.Unsubscribed"/> stop transactional mail too.</summary>
    /// <param name="kind">The message's kind.</param>
    public bool Stops(EmailKind kind) => kind == EmailKind.Bulk || Reason != SuppressionReason.Unsubscribed;

    /// <summary>Whether this entry should replace <paramref name="existing"/> for the same address: only when it stops more mail (an unsubscribed address that later hard-bounces).</summary>
    internal bool Widens(SuppressionEntry existing) => existing.Reason == SuppressionReason.Unsubscribed && Reason != SuppressionReason.Unsubscribed;

    /// <summary>The reason in words, e.g. <c>hard bounce</c>.</summary>
    internal string ReasonText => Reason switch
    {
        SuppressionReason.HardBounce => "hard bounce",
        SuppressionReason.Complaint => "spam complaint",
        SuppressionReason.Unsubscribed => "unsubscribed",
        _ => "added by hand",
    };
}
