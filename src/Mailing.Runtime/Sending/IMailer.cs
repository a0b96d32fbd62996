namespace Mailing;

/// <summary>Sends email through the configured transport. Registered by <c>services.AddMailing(...)</c>.</summary>
/// <remarks>Safe to use concurrently; a singleton.</remarks>
public interface IMailer
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    /// <param name="message">The message. Without <see cref="EmailMessage.From"/>, the configured <c>Mailing:From</c> is used.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>What the transport reported: message id, transport name, provider id, duration, per-recipient outcome.</returns>
    /// <exception cref="ArgumentException">The message has no recipients, or is otherwise not sendable; the message says what to fix.</exception>
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
}
