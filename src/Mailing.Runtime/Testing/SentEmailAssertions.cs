using Mailing.Transports.Local;

namespace Mailing.Testing;

/// <summary>
/// Chainable assertions on one captured message:
/// <c>sent.To("ann@example.com").WithSubject("Welcome, Ann").WithAttachment("invoice.pdf")</c>.
/// Each returns the same message, or throws <see cref="MailAssertionException"/> saying what it had instead.
/// </summary>
public static class SentEmailAssertions
{
    /// <summary>Asserts that <paramref name="recipient"/> is among the To recipients.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="recipient">The address; compared case-insensitively, display names ignored.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail To(this SentEmail email, EmailAddress recipient) =>
        HasRecipient(email, email.Message.To, recipient, "To");

    /// <summary>Asserts that <paramref name="recipient"/> is among the Cc recipients.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="recipient">The address.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail Cc(this SentEmail email, EmailAddress recipient) =>
        HasRecipient(email, email.Message.Cc, recipient, "Cc");

    /// <summary>Asserts that <paramref name="recipient"/> is among the Bcc recipients.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="recipient">The address.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail Bcc(this SentEmail email, EmailAddress recipient) =>
        HasRecipient(email, email.Message.Bcc, recipient, "Bcc");

    /// <summary>Asserts that the message came from <paramref name="sender"/>.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="sender">The expected From address.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail From(this SentEmail email, EmailAddress sender)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(sender);
        return email.Message.From is { } from && InMemoryTransportAssertions.SameAddress(from, sender)
            ? email
            : throw new MailAssertionException($"Expected {SentMailDescription.Describe(email)} to be from {sender.Address}, but it was from {email.Message.From?.ToString() ?? "(nobody)"}.");
    }

    /// <summary>Asserts that the subject is exactly <paramref name="subject"/>.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="subject">The expected subject.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail WithSubject(this SentEmail email, string subject)
    {
        ArgumentNullException.ThrowIfNull(email);
        return string.Equals(email.Subject, subject, StringComparison.Ordinal)
            ? email
            : throw new MailAssertionException($"Expected the subject \"{subject}\", but {SentMailDescription.Describe(email)} has the subject \"{email.Subject}\".");
    }

    /// <summary>Asserts that the subject contains <paramref name="text"/> (ordinal comparison).</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="text">The expected fragment.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail WithSubjectContaining(this SentEmail email, string text)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Subject.Contains(text, StringComparison.Ordinal)
            ? email
            : throw new MailAssertionException($"Expected the subject to contain \"{text}\", but {SentMailDescription.Describe(email)} has the subject \"{email.Subject}\".");
    }

    /// <summary>Asserts that the plain-text body (given or derived from the HTML) contains <paramref name="text"/>.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="text">The expected fragment.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail WithTextContaining(this SentEmail email, string text)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Text.Contains(text, StringComparison.Ordinal)
            ? email
            : throw new MailAssertionException($"Expected the text body to contain \"{text}\", but the text body of {SentMailDescription.Describe(email)} is {SentMailDescription.Excerpt(email.Text)}.");
    }

    /// <summary>Asserts that the HTML body contains <paramref name="html"/>.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="html">The expected fragment of markup.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail WithHtmlContaining(this SentEmail email, string html)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Html is not null && email.Html.Contains(html, StringComparison.Ordinal)
            ? email
            : throw new MailAssertionException($"Expected the HTML body to contain \"{html}\", but the HTML body of {SentMailDescription.Describe(email)} is {SentMailDescription.Excerpt(email.Html)}.");
    }

    /// <summary>Asserts that the message has an attachment named <paramref name="fileName"/>, optionally of <paramref name="contentType"/>.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="fileName">The attachment's file name (case-insensitive).</param>
    /// <param name="contentType">The expected MIME type, or <see langword="null"/> to accept any.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail WithAttachment(this SentEmail email, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        var attachment = email.Message.Attachments.FirstOrDefault(a => string.Equals(a.FileName, fileName, StringComparison.OrdinalIgnoreCase));
        if (attachment is null)
        {
            var present = email.Message.Attachments.Count == 0 ? "no attachments" : "the attachments " + string.Join(", ", email.Message.Attachments);
            throw new MailAssertionException($"Expected an attachment named \"{fileName}\", but {SentMailDescription.Describe(email)} has {present}.");
        }

        if (contentType is not null && !string.Equals(attachment.ContentType, contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new MailAssertionException($"Expected the attachment \"{fileName}\" to be {contentType}, but it is {attachment.ContentType}.");
        }

        return email;
    }

    /// <summary>Asserts that the message has no attachments.</summary>
    /// <param name="email">The captured message.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail WithoutAttachments(this SentEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Message.Attachments.Count == 0
            ? email
            : throw new MailAssertionException($"Expected no attachments, but {SentMailDescription.Describe(email)} has {string.Join(", ", email.Message.Attachments)}.");
    }

    /// <summary>Asserts that the message has the custom header <paramref name="name"/>, with <paramref name="value"/> when given.</summary>
    /// <param name="email">The captured message.</param>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <param name="value">The expected value, or <see langword="null"/> to accept any.</param>
    /// <returns><paramref name="email"/>.</returns>
    public static SentEmail WithHeader(this SentEmail email, string name, string? value = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!email.Message.Headers.TryGetValue(name, out var actual))
        {
            throw new MailAssertionException($"Expected the header \"{name}\", but {SentMailDescription.Describe(email)} has {(email.Message.Headers.Count == 0 ? "no custom headers" : "only " + string.Join(", ", email.Message.Headers.Keys))}.");
        }

        return value is null || string.Equals(actual, value, StringComparison.Ordinal)
            ? email
            : throw new MailAssertionException($"Expected the header \"{name}: {value}\", but it is \"{name}: {actual}\".");
    }

    /// <summary>Returns the typed template the message was rendered from.</summary>
    /// <typeparam name="TTemplate">The template class.</typeparam>
    /// <param name="email">The captured message.</param>
    /// <exception cref="MailAssertionException">The message was not rendered from <typeparamref name="TTemplate"/>.</exception>
    public static TTemplate TemplateAs<TTemplate>(this SentEmail email)
        where TTemplate : class, IEmailTemplate
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Template as TTemplate
            ?? throw new MailAssertionException($"Expected {SentMailDescription.Describe(email)} to be rendered from {typeof(TTemplate).Name}, but it was rendered from {email.Template?.GetType().Name ?? "no template"}.");
    }

    private static SentEmail HasRecipient(SentEmail email, IReadOnlyList<EmailAddress> list, EmailAddress recipient, string field)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(recipient);
        return list.Any(r => InMemoryTransportAssertions.SameAddress(r, recipient))
            ? email
            : throw new MailAssertionException($"Expected {recipient.Address} among the {field} recipients of {SentMailDescription.Describe(email)}, but {field} is [{string.Join(", ", list.Select(r => r.Address))}].");
    }
}
