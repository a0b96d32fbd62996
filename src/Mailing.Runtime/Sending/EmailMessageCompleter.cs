using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Completes a message from configuration the way <see cref="IMailer"/> does before it sends one: <c>From</c> and
/// <c>Reply-To</c> from <c>Mailing:From</c> and <c>Mailing:ReplyTo</c> when the message has none, the recipients
/// checked, and a Message-Id (derived from <see cref="EmailMessage.IdempotencyKey"/> when there is one). Registered by
/// <c>AddMailing(...)</c>.
/// </summary>
/// <remarks>
/// <para>
/// For code that keeps a message to send it later: a queue, an outbox of your own, a scheduled job. Complete the message
/// when you store it, and store the result: what is stored is then what will be sent, a message the mailer would refuse
/// fails now rather than in a worker, and every later attempt carries the same Message-Id, so a resend after a lost
/// confirmation is recognisable (receivers that deduplicate by Message-Id show it once).
/// </para>
/// <para>
/// Set <see cref="EmailMessage.IdempotencyKey"/> <em>before</em> completing: the Message-Id is derived from it, and a
/// message completed without a key gets a random Message-Id. A message completed again is returned unchanged, and
/// <see cref="IMailer"/> sends a completed message as it is (it fills in only what is missing).
/// </para>
/// <para>
/// The rendered template object (<see cref="EmailMessage.Template"/>) is usually not stored; keep its name in
/// <see cref="EmailMessage.TemplateName"/> so logs and metrics of the later send still name the template.
/// </para>
/// </remarks>
public sealed class EmailMessageCompleter
{
    private static ParsedSetting? s_from;
    private static ParsedSetting? s_replyTo;

    private readonly IOptionsMonitor<MailingOptions> _options;

    /// <summary>Creates a completer over the application's <see cref="MailingOptions"/> (the instance <c>AddMailing</c> registers uses them).</summary>
    /// <param name="options">The <c>Mailing</c> settings; the current value is read on every call.</param>
    public EmailMessageCompleter(IOptionsMonitor<MailingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Returns <paramref name="message"/> with what configuration provides and every transport needs filled in.</summary>
    /// <param name="message">The message; values it already has (From, Reply-To, Message-Id) are kept.</param>
    /// <returns>The completed message: a copy when something was filled in, otherwise <paramref name="message"/> itself.</returns>
    /// <exception cref="ArgumentException">The message has no From and <c>Mailing:From</c> is not configured, has no recipients, or is bulk mail that sets <see cref="EmailMessage.SkipSuppressionCheck"/>.</exception>
    public EmailMessage Complete(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Complete(message, _options.CurrentValue);
    }

    /// <summary>The mailer's and the public entry point's one implementation.</summary>
    internal static EmailMessage Complete(EmailMessage message, MailingOptions options)
    {
        if (message.SkipSuppressionCheck && message.Kind == EmailKind.Bulk)
        {
            throw new ArgumentException(
                "The message is bulk mail (Kind = Bulk) and sets SkipSuppressionCheck, which only transactional mail may: bulk mail is never sent to suppressed addresses. " +
                "Remove SkipSuppressionCheck, or send the message as EmailKind.Transactional if the recipient asked for it.",
                nameof(message));
        }

        if (message.From is null)
        {
            if (options.From is null)
            {
                throw new ArgumentException($"The message has no From address and {options.SectionPath}:From is not configured: set one of them, e.g. \"Shop <no-reply@shop.example>\".", nameof(message));
            }

            message = message with { From = ParseOnce(options.From, ref s_from) };
        }

        if (message.ReplyTo.Count == 0 && options.ReplyTo is not null)
        {
            message = message with { ReplyTo = [ParseOnce(options.ReplyTo, ref s_replyTo)] };
        }

        if (message.To.Count + message.Cc.Count + message.Bcc.Count == 0)
        {
            throw new ArgumentException("The message has no recipients: add at least one address to To, Cc or Bcc.", nameof(message));
        }

        return message.MessageId is null ? message with { MessageId = MimeMessageFactory.CreateMessageId(message) } : message;
    }

    // Mailing:From and Mailing:ReplyTo are parsed once per value, not for every message sent (EmailAddress is immutable).
    private static EmailAddress ParseOnce(string text, ref ParsedSetting? cache)
    {
        if (Volatile.Read(ref cache) is { } parsed && parsed.Text == text)
        {
            return parsed.Address;
        }

        var address = EmailAddress.Parse(text);
        Volatile.Write(ref cache, new ParsedSetting(text, address));
        return address;
    }

    private sealed record ParsedSetting(string Text, EmailAddress Address);
}
