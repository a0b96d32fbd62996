using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>
/// The suppression list's place in the send path: before a message reaches any transport (and after the interceptors,
/// so staging redirects are checked too), recipients whose entry stops the message are removed and reported.
/// </summary>
/// <remarks>
/// The mailer runs it for <see cref="IMailer.SendAsync(EmailMessage, CancellationToken)"/> and for every message of
/// <see cref="O:Mailing.IMailer.SendManyAsync"/>, batch members included, so no path skips it.
/// </remarks>
internal sealed class SuppressionCheck(ISuppressionList list, ILogger logger)
{
    /// <summary>Removes suppressed recipients from <paramref name="message"/>.</summary>
    /// <returns>The message to send (the same instance when nobody is suppressed) and one rejection per recipient withheld.</returns>
    public async ValueTask<(EmailMessage Message, IReadOnlyList<RecipientRejection> Withheld)> ApplyAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (message.SkipSuppressionCheck && message.Kind == EmailKind.Transactional)
        {
            return (message, []);
        }

        List<RecipientRejection>? withheld = null;
        HashSet<string>? suppressed = null;
        foreach (var recipient in message.AllRecipients.DistinctBy(SuppressionKey.For))
        {
            if (await list.FindAsync(recipient, cancellationToken).ConfigureAwait(false) is { } entry && entry.Stops(message.Kind))
            {
                (withheld ??= []).Add(new RecipientRejection(recipient, 0, null, Describe(entry)) { Suppression = entry });
                (suppressed ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry.Address);
            }
        }

        if (withheld is null)
        {
            return (message, []);
        }

        SuppressionLog.RecipientsWithheld(logger, message.MessageId ?? "", withheld.Count);
        bool Kept(EmailAddress address) => !suppressed!.Contains(SuppressionKey.For(address));
        return (message with { To = message.To.Where(Kept).ToArray(), Cc = message.Cc.Where(Kept).ToArray(), Bcc = message.Bcc.Where(Kept).ToArray() }, withheld);
    }

    /// <summary>The veto reason for a message none of whose recipients may be mailed; counts by reason, no addresses (it is logged).</summary>
    public static string NobodyLeft(IReadOnlyList<RecipientRejection> withheld) =>
        "every recipient is on the suppression list (" +
        string.Join(", ", withheld.GroupBy(r => r.Suppression!.ReasonText).Select(g => $"{g.Key}: {g.Count()}")) +
        "); nothing was sent, see RejectedRecipients";

    private static string Describe(SuppressionEntry entry) =>
        $"Not sent: the address is on the suppression list ({entry.ReasonText}, {entry.Source}, since {entry.SuppressedAt:yyyy-MM-dd}).";
}
