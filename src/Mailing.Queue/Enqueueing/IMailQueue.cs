using Wolverine;

namespace Mailing.Queue;

/// <summary>
/// Puts email in the queue for workers to send: <see cref="EnqueueAsync(EmailMessage, DateTimeOffset?, CancellationToken)"/>
/// returns as soon as the message is stored, with its queue id.
/// </summary>
/// <remarks>
/// <para>
/// A template is rendered when it is enqueued, so a worker needs no template code and sends what the request saw; the
/// message is completed from configuration (<c>Mailing:From</c>, <c>Mailing:ReplyTo</c>) at the same moment. Attachments
/// are read then too: a file attached by path is stored as it is when enqueued.
/// </para>
/// <para>
/// Every queued message has an <see cref="EmailMessage.IdempotencyKey"/> (one is made from the queue id when it has
/// none). It identifies the message across retries, redeliveries and repeated enqueues: once a transport accepted a
/// message with that key, another delivery of it sends nothing, and its Message-Id is derived from the key.
/// </para>
/// <para>
/// To enqueue inside the application's own database transaction, so the email goes if and only if the transaction
/// commits, use <see cref="WithOutbox"/>.
/// </para>
/// </remarks>
public interface IMailQueue
{
    /// <summary>Stores <paramref name="message"/> for a worker to send, now or from <paramref name="notBefore"/>.</summary>
    /// <param name="message">The email; <c>From</c> may be left for <c>Mailing:From</c>.</param>
    /// <param name="notBefore">The earliest moment to send it; <see langword="null"/> or a past moment sends it as soon as a worker is free.</param>
    /// <param name="cancellationToken">Cancels storing it (nothing is stored then).</param>
    /// <returns>The queue id, Message-Id and idempotency key the message was stored with.</returns>
    /// <exception cref="ArgumentException">The message has no recipients, or no From and no <c>Mailing:From</c> is configured.</exception>
    Task<EnqueuedMail> EnqueueAsync(EmailMessage message, DateTimeOffset? notBefore = null, CancellationToken cancellationToken = default);

    /// <summary>Renders <paramref name="template"/> now and stores the result for <paramref name="to"/>.</summary>
    /// <param name="template">The typed template, with its data.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="notBefore">The earliest moment to send it.</param>
    /// <param name="cancellationToken">Cancels storing it.</param>
    /// <returns>The queue id, Message-Id and idempotency key the message was stored with.</returns>
    Task<EnqueuedMail> EnqueueAsync(IEmailTemplate template, EmailAddress to, DateTimeOffset? notBefore = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A queue that enqueues through <paramref name="outbox"/>: Wolverine's EF Core outbox (<c>IDbContextOutbox&lt;T&gt;</c>)
    /// or the <see cref="IMessageContext"/> of a Wolverine handler, so the email is stored in the application's own
    /// transaction and sent if and only if it commits.
    /// </summary>
    /// <param name="outbox">Wolverine's outbox for the current unit of work.</param>
    /// <returns>A queue bound to that unit of work; its messages are stored when the outbox is flushed (e.g. <c>SaveChangesAndFlushMessagesAsync()</c>).</returns>
    /// <remarks>The outbox must use the queue's storage database (<c>Mailing:Queue:Storage</c>); see docs/queue.md.</remarks>
    IMailQueue WithOutbox(IMessageBus outbox);
}
