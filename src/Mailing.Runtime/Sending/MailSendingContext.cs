namespace Mailing;

/// <summary>A message on its way to the transport, as interceptors see it.</summary>
public sealed class MailSendingContext
{
    private EmailMessage _message;

    internal MailSendingContext(EmailMessage message) => _message = message;

    /// <summary>The message that will be sent; replace it to change what goes (messages are immutable: use <c>with</c> or the fluent methods).</summary>
    /// <exception cref="ArgumentException">The new message has no recipients.</exception>
    public EmailMessage Message
    {
        get => _message;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.AllRecipients.Any())
            {
                throw new ArgumentException("The intercepted message has no recipients left; call Veto(reason) to stop it instead.", nameof(value));
            }

            _message = value;
        }
    }

    /// <summary>Why the message was stopped, once an interceptor has called <see cref="Veto"/>.</summary>
    public string? VetoReason { get; private set; }

    /// <summary>Stops the message: no later interceptor runs, nothing is sent, and the caller gets a result saying why.</summary>
    /// <param name="reason">Why, in words for logs and the caller (e.g. "no recipient is allowed on staging").</param>
    public void Veto(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        VetoReason = reason;
    }
}
