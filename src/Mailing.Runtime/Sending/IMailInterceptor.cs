namespace Mailing;

/// <summary>
/// Sees every message before it goes, and may change it or stop it: add a header, rewrite recipients on staging,
/// refuse mail to a suppressed address. Registered with <c>AddMailing(...).AddInterceptor&lt;T&gt;()</c>; runs in
/// registration order, each seeing the previous one's changes.
/// </summary>
/// <remarks>
/// Interceptors run after the mailer has filled in From, Reply-To and the Message-Id, and before the transport (and
/// any dispatcher) is involved, so a change applies to every attempt and every transport alike.
/// </remarks>
public interface IMailInterceptor
{
    /// <summary>Changes <see cref="MailSendingContext.Message"/>, or calls <see cref="MailSendingContext.Veto"/> to stop it.</summary>
    /// <param name="context">The message about to be sent.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    ValueTask OnSendingAsync(MailSendingContext context, CancellationToken cancellationToken);
}
