using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>What the unsubscribe endpoint logs: the list, how, and the recipient's domain, never the address or the token.</summary>
internal static partial class UnsubscribeLog
{
    [LoggerMessage(EventId = 1710, Level = LogLevel.Information, Message = "Unsubscribed a recipient at {RecipientDomain} from {List} ({Method}).")]
    public static partial void Unsubscribed(ILogger logger, string recipientDomain, string list, UnsubscribeMethod method);

    [LoggerMessage(EventId = 1711, Level = LogLevel.Debug, Message = "A repeated unsubscribe from {List} for a recipient at {RecipientDomain} was answered without calling the handler again.")]
    public static partial void Repeated(ILogger logger, string recipientDomain, string list);

    [LoggerMessage(EventId = 1712, Level = LogLevel.Information, Message = "An unsubscribe link that this application did not make, or that was changed, was refused ({Method} {Path}).")]
    public static partial void InvalidToken(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 1713, Level = LogLevel.Information, Message = "An expired unsubscribe link for {List}, made {LinkCreatedAt:u}, was refused; the recipient was not unsubscribed.")]
    public static partial void ExpiredToken(ILogger logger, string list, DateTimeOffset linkCreatedAt);
}
