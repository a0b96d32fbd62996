namespace Mailing;

/// <summary>Sends email through the configured transport. Registered by <c>services.AddMailing(...)</c>.</summary>
/// <remarks>Safe to use concurrently; a singleton.</remarks>
public interface IMailer
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    /// <param name="message">The message. Without <see cref="EmailMessage.From"/>, the configured <c>Mailing:From</c> is used.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>What the transport reported: message id, transport name, provider id, duration, per-recipient outcome.</returns>
    /// <remarks>
    /// Recipients on the suppression list (<see cref="ISuppressionList"/>) are withheld and listed in
    /// <see cref="SendResult.RejectedRecipients"/>; when none is left, nothing is sent and <see cref="SendResult.VetoReason"/> says so.
    /// </remarks>
    /// <exception cref="ArgumentException">The message has no recipients, or is otherwise not sendable (bulk mail that sets <see cref="EmailMessage.SkipSuppressionCheck"/>); the message says what to fix.</exception>
    /// <exception cref="MailDeliveryException">The transport did not accept the message; <see cref="MailDeliveryException.Kind"/> says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>Renders <paramref name="template"/> and sends it to <paramref name="to"/>.</summary>
    /// <param name="template">The typed template; the sent message's <see cref="EmailMessage.Template"/> refers to it.</param>
    /// <param name="to">The recipient, e.g. <c>"ann@example.com"</c>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>What the transport reported.</returns>
    /// <exception cref="MailDeliveryException">The transport did not accept the message.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<SendResult> SendAsync(IEmailTemplate template, EmailAddress to, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends many messages, as provider batches where the transport has a batch endpoint (Postmark 500 a call,
    /// Resend 100) and otherwise with bounded concurrency (<see cref="MailingOptions.SendManyConcurrency"/>).
    /// </summary>
    /// <param name="messages">The messages; each is completed from configuration like <see cref="SendAsync(EmailMessage, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels what has not been sent yet.</param>
    /// <returns>One outcome per message, in the order given: its result, or why it failed. No message is left out.</returns>
    /// <remarks>
    /// A failure of one message does not stop the others and is not thrown: look at <see cref="SendOutcome.Succeeded"/>.
    /// A message that is not sendable (no recipients, ...) fails as <see cref="MailFailureKind.Rejected"/> with the
    /// <see cref="ArgumentException"/> as its inner exception. A batch that fails as a whole before the provider could
    /// accept anything is sent again message by message, through failover when it is configured; one whose outcome is
    /// unknown is not.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<IReadOnlyList<SendOutcome>> SendManyAsync(IEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends messages as they come from <paramref name="messages"/> (a query, a queue, a file read line by line) and
    /// streams back one outcome per message, in the order the messages came, the same way as the list overload.
    /// </summary>
    /// <param name="messages">The messages; each is completed from configuration like <see cref="SendAsync(EmailMessage, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Stops taking messages; a message already handed to a transport finishes.</param>
    /// <returns>One outcome per message, in source order, each as soon as it and every message before it is done.</returns>
    /// <remarks>
    /// <para>
    /// At most <see cref="MailingOptions.SendManyConcurrency"/> sends (or provider batches) are in flight, and the source is
    /// read only while fewer than four outcomes per concurrent send (plus two provider batches) wait to be read: a consumer
    /// that reads slowly slows the source down, so a source of millions is never held in memory. Messages collected for a
    /// provider batch are sent as they are when the source pauses for 100 ms.
    /// </para>
    /// <para>
    /// Failures are outcomes, not exceptions, with the same rules as the list overload; a message that may have reached
    /// the server (<see cref="MailDeliveryException.MayHaveBeenDelivered"/>) is never sent again. A <see langword="null"/>
    /// message ends the stream with an <see cref="ArgumentException"/> after the outcomes of the messages before it.
    /// </para>
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    IAsyncEnumerable<SendOutcome> SendManyAsync(IAsyncEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default);
}
