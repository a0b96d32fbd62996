namespace Mailing;

/// <summary>
/// Is told what became of every message: sent, stopped by an interceptor, or failed. Registered with
/// <c>AddMailing(...).AddObserver&lt;T&gt;()</c>. Implement only the methods you need.
/// </summary>
/// <remarks>
/// An observer that throws is logged and ignored: observing a send never changes its outcome for the caller.
/// </remarks>
public interface IMailObserver
{
    /// <summary>A transport accepted <paramref name="message"/>.</summary>
    ValueTask OnSentAsync(EmailMessage message, SendResult result, CancellationToken cancellationToken) => default;

    /// <summary>An interceptor stopped <paramref name="message"/>; nothing was sent.</summary>
    ValueTask OnVetoedAsync(EmailMessage message, string reason, CancellationToken cancellationToken) => default;

    /// <summary>No transport accepted <paramref name="message"/>.</summary>
    ValueTask OnFailedAsync(EmailMessage message, MailDeliveryException failure, CancellationToken cancellationToken) => default;
}
