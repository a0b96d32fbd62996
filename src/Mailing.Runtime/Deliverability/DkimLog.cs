using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>What DKIM signing logs: domains and selectors, never key material.</summary>
internal static partial class DkimLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Warning, Message = "DKIM: no configured key signs for {FromDomain}, the From domain of message {MessageId}; it is sent unsigned. Add a key for that domain under Mailing:Dkim:Keys.")]
    public static partial void NoKeyForDomain(ILogger logger, string fromDomain, string? messageId);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "DKIM: signing for {Domain} with selector {Selector} ({KeyDescription}); receivers look up the public key at {RecordName}.")]
    public static partial void KeyLoaded(ILogger logger, string domain, string selector, string keyDescription, string recordName);
}
