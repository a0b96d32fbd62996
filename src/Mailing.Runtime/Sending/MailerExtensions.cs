namespace Mailing;

/// <summary>Conveniences over <see cref="IMailer"/>.</summary>
public static class MailerExtensions
{
    /// <summary>
    /// Renders <paramref name="template"/>, lets <paramref name="customize"/> change the message (add Cc,
    /// attachments, headers, tags), and sends it.
    /// </summary>
    /// <param name="mailer">The mailer.</param>
    /// <param name="template">The typed template.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="customize">Returns the message to send, e.g. <c>m =&gt; m.Attach(invoice).WithTag("receipt")</c>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>What the transport reported.</returns>
    public static Task<SendResult> SendAsync(this IMailer mailer, IEmailTemplate template, EmailAddress to, Func<EmailMessage, EmailMessage> customize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(customize);
        return mailer.SendAsync(customize(EmailMessage.FromTemplate(template, to)), cancellationToken);
    }
}
