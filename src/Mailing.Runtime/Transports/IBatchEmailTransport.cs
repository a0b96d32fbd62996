namespace Mailing.Transports;

/// <summary>A transport that can hand many messages to its provider in one call (Postmark's and Resend's batch endpoints).</summary>
/// <remarks>
/// A batch is all-or-nothing only for failures of the call itself (network, authentication, rate limit), which are
/// thrown as for one message. Providers that judge each message on its own report it per message in the outcomes.
/// </remarks>
public interface IBatchEmailTransport : IEmailTransport
{
    /// <summary>The most messages one call may carry (Postmark 500, Resend 100).</summary>
    int MaxBatchSize { get; }

    /// <summary>Whether <paramref name="message"/> may go in a batch (Resend's batch endpoint takes no attachments, for one).</summary>
    bool CanBatch(EmailMessage message);

    /// <summary>Sends up to <see cref="MaxBatchSize"/> messages in one call.</summary>
    /// <returns>One outcome per message, in the order given.</returns>
    /// <exception cref="MailDeliveryException">The call as a whole failed; see <see cref="MailDeliveryException.MayHaveBeenDelivered"/> before sending any of them again.</exception>
    /// <exception cref="ArgumentException">More messages than <see cref="MaxBatchSize"/>, or one the batch cannot carry.</exception>
    Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken = default);
}
