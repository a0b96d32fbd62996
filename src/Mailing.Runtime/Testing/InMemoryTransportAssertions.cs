using Mailing.Transports.Local;

namespace Mailing.Testing;

/// <summary>
/// Assertions on what an <see cref="InMemoryTransport"/> captured, typed on the template class:
/// <code>
/// var mail = services.GetRequiredService&lt;InMemoryTransport&gt;();
/// mail.Sent&lt;WelcomeEmail&gt;(e =&gt; e.User.Id == id).To("ann@example.com").WithTextContaining("Welcome");
/// mail.NothingSent&lt;PasswordResetEmail&gt;();
/// </code>
/// Each failure throws <see cref="MailAssertionException"/> listing what was sent instead.
/// </summary>
public static class InMemoryTransportAssertions
{
    /// <summary>Asserts that exactly one message rendered from <typeparamref name="TTemplate"/> (and matching <paramref name="predicate"/>) was sent, and returns it.</summary>
    /// <typeparam name="TTemplate">The template class.</typeparam>
    /// <param name="mail">The transport.</param>
    /// <param name="predicate">A condition on the template's data, e.g. <c>e =&gt; e.User.Id == id</c>; any message of the type when <see langword="null"/>.</param>
    /// <returns>The matching message, for further assertions.</returns>
    /// <exception cref="MailAssertionException">None or several messages matched.</exception>
    public static SentEmail Sent<TTemplate>(this InMemoryTransport mail, Func<TTemplate, bool>? predicate = null)
        where TTemplate : class, IEmailTemplate
    {
        ArgumentNullException.ThrowIfNull(mail);
        var sent = mail.Sent;
        var matches = Matching(sent, predicate);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new MailAssertionException(
                $"Expected a message rendered from {typeof(TTemplate).Name}{Condition(predicate)}, but none was sent.{OfTypeNote(sent, predicate)}{Environment.NewLine}{SentMailDescription.Describe(sent)}"),
            _ => throw new MailAssertionException(
                $"Expected one message rendered from {typeof(TTemplate).Name}{Condition(predicate)}, but {matches.Count} were sent; narrow the condition or use SentAll<{typeof(TTemplate).Name}>().{Environment.NewLine}{SentMailDescription.Describe(matches)}"),
        };
    }

    /// <summary>Returns every message rendered from <typeparamref name="TTemplate"/> (and matching <paramref name="predicate"/>), possibly none.</summary>
    /// <typeparam name="TTemplate">The template class.</typeparam>
    /// <param name="mail">The transport.</param>
    /// <param name="predicate">A condition on the template's data, or <see langword="null"/>.</param>
    public static IReadOnlyList<SentEmail> SentAll<TTemplate>(this InMemoryTransport mail, Func<TTemplate, bool>? predicate = null)
        where TTemplate : class, IEmailTemplate
    {
        ArgumentNullException.ThrowIfNull(mail);
        return Matching(mail.Sent, predicate);
    }

    /// <summary>Asserts that exactly one message matching <paramref name="predicate"/> was sent, and returns it.</summary>
    /// <param name="mail">The transport.</param>
    /// <param name="predicate">A condition on the captured message, e.g. <c>m =&gt; m.Subject.StartsWith("Your order")</c>.</param>
    /// <exception cref="MailAssertionException">None or several messages matched.</exception>
    public static SentEmail Sent(this InMemoryTransport mail, Func<SentEmail, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(predicate);
        var sent = mail.Sent;
        var matches = sent.Where(predicate).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new MailAssertionException($"Expected a message matching the condition, but none was sent.{Environment.NewLine}{SentMailDescription.Describe(sent)}"),
            _ => throw new MailAssertionException($"Expected one message matching the condition, but {matches.Length} were sent.{Environment.NewLine}{SentMailDescription.Describe(matches)}"),
        };
    }

    /// <summary>Asserts that exactly one message was sent to <paramref name="recipient"/> (To, Cc or Bcc), and returns it.</summary>
    /// <param name="mail">The transport.</param>
    /// <param name="recipient">The address; compared case-insensitively, display names ignored.</param>
    /// <exception cref="MailAssertionException">None or several messages went to that address.</exception>
    public static SentEmail SentTo(this InMemoryTransport mail, EmailAddress recipient)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(recipient);
        var sent = mail.Sent;
        var matches = sent.Where(s => s.Recipients.Any(r => SameAddress(r, recipient))).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new MailAssertionException($"Expected a message to {recipient.Address}, but none was sent to that address.{Environment.NewLine}{SentMailDescription.Describe(sent)}"),
            _ => throw new MailAssertionException($"Expected one message to {recipient.Address}, but {matches.Length} were sent to that address.{Environment.NewLine}{SentMailDescription.Describe(matches)}"),
        };
    }

    /// <summary>Asserts that no message at all was sent.</summary>
    /// <param name="mail">The transport.</param>
    /// <exception cref="MailAssertionException">Something was sent; the message lists it.</exception>
    public static void NothingSent(this InMemoryTransport mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var sent = mail.Sent;
        if (sent.Count > 0)
        {
            throw new MailAssertionException($"Expected nothing to be sent, but {SentMailDescription.Describe(sent)}");
        }
    }

    /// <summary>Asserts that no message rendered from <typeparamref name="TTemplate"/> (and matching <paramref name="predicate"/>) was sent.</summary>
    /// <typeparam name="TTemplate">The template class.</typeparam>
    /// <param name="mail">The transport.</param>
    /// <param name="predicate">A condition on the template's data, or <see langword="null"/> for any message of the type.</param>
    /// <exception cref="MailAssertionException">Such a message was sent.</exception>
    public static void NothingSent<TTemplate>(this InMemoryTransport mail, Func<TTemplate, bool>? predicate = null)
        where TTemplate : class, IEmailTemplate
    {
        ArgumentNullException.ThrowIfNull(mail);
        var matches = Matching(mail.Sent, predicate);
        if (matches.Count > 0)
        {
            throw new MailAssertionException($"Expected no message rendered from {typeof(TTemplate).Name}{Condition(predicate)}, but {SentMailDescription.Describe(matches)}");
        }
    }

    /// <summary>Asserts that exactly <paramref name="expected"/> messages were sent.</summary>
    /// <param name="mail">The transport.</param>
    /// <param name="expected">The expected number of messages.</param>
    /// <exception cref="MailAssertionException">A different number was sent; the message lists them.</exception>
    public static void SentExactly(this InMemoryTransport mail, int expected)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        var sent = mail.Sent;
        if (sent.Count != expected)
        {
            throw new MailAssertionException($"Expected {expected} message(s) to be sent, but {SentMailDescription.Describe(sent)}");
        }
    }

    internal static bool SameAddress(EmailAddress a, EmailAddress b) =>
        string.Equals(a.Address, b.Address, StringComparison.OrdinalIgnoreCase);

    private static List<SentEmail> Matching<TTemplate>(IReadOnlyList<SentEmail> sent, Func<TTemplate, bool>? predicate)
        where TTemplate : class, IEmailTemplate =>
        sent.Where(s => s.Template is TTemplate template && (predicate is null || predicate(template))).ToList();

    private static string Condition<TTemplate>(Func<TTemplate, bool>? predicate) => predicate is null ? "" : " matching the condition";

    private static string OfTypeNote<TTemplate>(IReadOnlyList<SentEmail> sent, Func<TTemplate, bool>? predicate)
    {
        if (predicate is null)
        {
            return "";
        }

        var ofType = sent.Count(s => s.Template is TTemplate);
        return ofType == 0 ? "" : $" {ofType} message(s) from {typeof(TTemplate).Name} were sent, but none matched the condition.";
    }
}
