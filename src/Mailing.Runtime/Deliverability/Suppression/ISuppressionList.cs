namespace Mailing;

/// <summary>
/// Addresses Mailing must not mail again: hard bounces, spam complaints, unsubscribes and addresses added by hand.
/// Fed by provider events (<see cref="IMailEventDispatcher"/>) and the unsubscribe endpoint, read before every send.
/// </summary>
/// <remarks>
/// <para>
/// Before a message goes, the mailer removes every recipient whose entry stops it (<see cref="SuppressionEntry.Stops"/>)
/// and reports each in <see cref="SendResult.RejectedRecipients"/>; a message left with no recipient is not sent.
/// Bulk mail is always checked; transactional mail can skip the check with <see cref="EmailMessage.SkipSuppressionCheck"/>.
/// </para>
/// <para>
/// Addresses are compared case-insensitively. Implementations must be safe to use concurrently. Mailing brings
/// <see cref="InMemorySuppressionList"/> (the default; forgotten on restart) and <see cref="FileSuppressionList"/>
/// (durable, one process); implement this interface over your database for several instances.
/// </para>
/// </remarks>
public interface ISuppressionList
{
    /// <summary>Puts <paramref name="address"/> on the list.</summary>
    /// <param name="address">The address; its display name is ignored.</param>
    /// <param name="reason">Why: <see cref="SuppressionReason.Unsubscribed"/> stops bulk mail only, every other reason all mail.</param>
    /// <param name="source">Where it came from, for support staff, e.g. <c>unsubscribe link</c> or <c>sendgrid bounce event 1f2e…</c>.</param>
    /// <param name="suppressedAt">When it happened (the event's time, the click's time).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// <see langword="true"/> when the entry was added or replaced an entry that stopped less mail (an unsubscribed address
    /// that then hard-bounced); <see langword="false"/> when the address was already suppressed at least as widely, in
    /// which case the first entry stays.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is empty or has a line break.</exception>
    Task<bool> AddAsync(EmailAddress address, SuppressionReason reason, string source, DateTimeOffset suppressedAt, CancellationToken cancellationToken = default);

    /// <summary>The entry for <paramref name="address"/>, or <see langword="null"/> when it is not suppressed.</summary>
    /// <param name="address">The address to look up; case does not matter.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    Task<SuppressionEntry?> FindAsync(EmailAddress address, CancellationToken cancellationToken = default);

    /// <summary>Takes <paramref name="address"/> off the list, e.g. when a customer fixed their mailbox.</summary>
    /// <param name="address">The address; case does not matter.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether it was on the list.</returns>
    /// <remarks>Providers keep suppression lists of their own: reactivate the address there too, or it stays dropped.</remarks>
    Task<bool> RemoveAsync(EmailAddress address, CancellationToken cancellationToken = default);

    /// <summary>Every entry, in no particular order, e.g. for an export.</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    IAsyncEnumerable<SuppressionEntry> ListAsync(CancellationToken cancellationToken = default);
}
