namespace Mailing;

/// <summary>
/// Receives every <see cref="MailEvent"/> a provider reports. Register as many as you like as ordinary services
/// (<c>services.AddScoped&lt;IMailEventHandler, BounceNotifier&gt;()</c> or <c>AddMailing(...).AddEventHandler&lt;T&gt;()</c>);
/// they run one after the other, in registration order, after the suppression list has been updated.
/// </summary>
/// <remarks>
/// <para>
/// Delivery is at least once. When a handler throws, the webhook answers 5xx and the provider sends the whole request
/// again later, so every event of it, handled or not, comes back: recognise repeats by <see cref="MailEvent.EventId"/>.
/// </para>
/// <para>
/// Keep handlers short (a database write, a queue message): providers wait a few seconds for an answer and treat a slow
/// one as a failure.
/// </para>
/// </remarks>
public interface IMailEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="mailEvent">The event; switch on its type (<see cref="MailBounced"/>, <see cref="MailDelivered"/>, ...).</param>
    /// <param name="cancellationToken">Canceled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled; a faulted task makes the provider retry.</returns>
    Task HandleAsync(MailEvent mailEvent, CancellationToken cancellationToken);
}
