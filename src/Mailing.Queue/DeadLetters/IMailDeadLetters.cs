namespace Mailing.Queue;

/// <summary>
/// The queued messages that could not be sent: list them, look at one, and send one again after fixing the cause.
/// </summary>
/// <remarks>
/// A message goes to the dead letters when a transport refuses it for good (<see cref="MailFailureKind.Rejected"/>,
/// <see cref="MailFailureKind.Authentication"/>, <see cref="MailFailureKind.Configuration"/>, ...), when it may already
/// have been delivered (<see cref="MailDeliveryException.MayHaveBeenDelivered"/>: sending it again could send it twice,
/// so a person decides), or when it still fails after <see cref="MailQueueOptions.MaxAttempts"/> attempts. The same
/// operations are on the command line: <c>mailing-queue dead-letters list|show|requeue</c>.
/// </remarks>
public interface IMailDeadLetters
{
    /// <summary>The dead letters, most recent failure first.</summary>
    /// <param name="limit">At most this many (1 to 10,000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<MailDeadLetter>> ListAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>The dead letter of the message with queue id <paramref name="queueId"/>, or <see langword="null"/> when it is not a dead letter.</summary>
    /// <param name="queueId">The <see cref="EnqueuedMail.Id"/> of the message.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<MailDeadLetter?> GetAsync(Guid queueId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the message back in the queue, to be sent by the next free worker with the same Message-Id and idempotency
    /// key (so, if it was sent meanwhile after all, it is not sent twice).
    /// </summary>
    /// <param name="queueId">The <see cref="EnqueuedMail.Id"/> of the message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="false"/> when no dead letter has that queue id.</returns>
    /// <remarks>A running worker's durability agent moves the message back within a few seconds; without a worker it waits.</remarks>
    Task<bool> RequeueAsync(Guid queueId, CancellationToken cancellationToken = default);
}
