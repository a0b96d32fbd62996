namespace Mailing.Queue.Working;

/// <summary>
/// Why a queued message went to the dead letters, as Wolverine records it (type and message): the failure kind and
/// the reason in plain words, with the transport's <see cref="MailDeliveryException"/> inside.
/// </summary>
internal sealed class UndeliverableMailException : Exception
{
    public UndeliverableMailException(MailFailureKind kind, string reason, MailDeliveryException innerException)
        : base($"{kind}: {reason}", innerException)
    {
    }
}
