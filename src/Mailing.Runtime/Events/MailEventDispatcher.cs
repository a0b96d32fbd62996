using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailing;

/// <summary>Feeds the suppression list from an event, then runs every handler in registration order.</summary>
internal sealed class MailEventDispatcher : IMailEventDispatcher
{
    private readonly IMailEventHandler[] _handlers;
    private readonly ISuppressionList? _suppressionList;
    private readonly ILogger _logger;

    public MailEventDispatcher(IEnumerable<IMailEventHandler> handlers, ISuppressionList? suppressionList = null, ILoggerFactory? loggerFactory = null)
    {
        _handlers = handlers.ToArray();
        _suppressionList = suppressionList;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Mailing.Events");
    }

    public async Task DispatchAsync(MailEvent mailEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailEvent);
        if (_suppressionList is not null && ReasonFor(mailEvent) is { } reason)
        {
            if (EmailAddress.TryParse(mailEvent.Recipient, out var address))
            {
                var source = $"{mailEvent.Provider} {TypeName(mailEvent)} event {mailEvent.EventId}";
                if (await _suppressionList.AddAsync(address, reason, source, mailEvent.Timestamp, cancellationToken).ConfigureAwait(false))
                {
                    SuppressionLog.AddressSuppressed(_logger, mailEvent.Provider, TypeName(mailEvent), mailEvent.EventId, reason);
                }
            }
            else
            {
                SuppressionLog.UnusableRecipient(_logger, mailEvent.Provider, TypeName(mailEvent), mailEvent.EventId);
            }
        }

        foreach (var handler in _handlers)
        {
            await handler.HandleAsync(mailEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What an event means for the suppression list: hard bounces, complaints and unsubscribes are remembered.</summary>
    internal static SuppressionReason? ReasonFor(MailEvent mailEvent) => mailEvent switch
    {
        MailBounced { Kind: BounceKind.Hard } => SuppressionReason.HardBounce,
        MailComplained => SuppressionReason.Complaint,
        MailUnsubscribed => SuppressionReason.Unsubscribed,
        _ => null,
    };

    private static string TypeName(MailEvent mailEvent) => mailEvent switch
    {
        MailBounced => "bounce",
        MailComplained => "complaint",
        MailUnsubscribed => "unsubscribe",
        _ => mailEvent.GetType().Name,
    };
}
