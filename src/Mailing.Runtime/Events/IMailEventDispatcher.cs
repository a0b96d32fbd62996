namespace Mailing;

/// <summary>
/// Hands a <see cref="MailEvent"/> to the suppression list and then to every registered <see cref="IMailEventHandler"/>.
/// The webhooks of Mailing.AspNetCore use it; use it yourself for events that reach you another way (a queue, a poller).
/// </summary>
/// <remarks>Registered by <c>AddMailing(...)</c> as a scoped service: resolve it from a scope (a request's services in ASP.NET Core).</remarks>
public interface IMailEventDispatcher
{
    /// <summary>
    /// Adds the recipient of a hard bounce, a complaint or an unsubscribe to the suppression list, then calls every
    /// handler in registration order.
    /// </summary>
    /// <param name="mailEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <exception cref="Exception">Whatever the suppression list or a handler threw; later handlers did not run.</exception>
    Task DispatchAsync(MailEvent mailEvent, CancellationToken cancellationToken = default);
}
