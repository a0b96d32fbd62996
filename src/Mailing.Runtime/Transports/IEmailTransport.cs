namespace Mailing.Transports;

/// <summary>
/// Delivers an <see cref="EmailMessage"/>: SMTP, a provider's HTTP API, or a local sink.
/// </summary>
/// <remarks>
/// Implementations are safe to call concurrently. Every failure is reported as a
/// <see cref="MailDeliveryException"/> whose <see cref="MailDeliveryException.Kind"/> and
/// <see cref="MailDeliveryException.IsTransient"/> tell a dispatcher whether another attempt can help.
/// </remarks>
public interface IEmailTransport
{
    /// <summary>The name the transport is configured and reported under (e.g. <c>smtp</c>, <c>postmark</c>).</summary>
    string Name { get; }

    /// <summary>Delivers <paramref name="message"/>.</summary>
    /// <exception cref="MailDeliveryException">The message was not accepted for delivery.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
