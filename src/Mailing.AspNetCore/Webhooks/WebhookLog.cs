using Microsoft.Extensions.Logging;

namespace Mailing.Webhooks;

/// <summary>The webhooks' log messages: providers, reasons, counts and event ids, never secrets, addresses or payloads.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1600, EventName = "WebhookMapped", Level = LogLevel.Information,
        Message = "Mailing webhooks: {Provider} events are accepted at {Path} ({Verification})")]
    public static partial void Mapped(ILogger logger, string provider, string path, string verification);

    [LoggerMessage(EventId = 1601, EventName = "WebhookNotMapped", Level = LogLevel.Information,
        Message = "Mailing webhooks: {Provider} is not mapped because {Keys} is not set; it would otherwise accept unverified events")]
    public static partial void NotMapped(ILogger logger, string provider, string keys);

    [LoggerMessage(EventId = 1602, EventName = "WebhookRefused", Level = LogLevel.Warning,
        Message = "Refused a {Provider} webhook request with {StatusCode}: {Reason}, {Detail}")]
    public static partial void Refused(ILogger logger, string provider, int statusCode, WebhookRejection reason, string detail);

    [LoggerMessage(EventId = 1603, EventName = "WebhookAccepted", Level = LogLevel.Debug,
        Message = "Handled a {Provider} webhook request with {Count} event(s)")]
    public static partial void Accepted(ILogger logger, string provider, int count);

    [LoggerMessage(EventId = 1604, EventName = "WebhookHandlerFailed", Level = LogLevel.Error,
        Message = "A handler failed on {Provider} event {EventId}; answered 500 so {Provider} sends the request again")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string provider, string eventId);

    [LoggerMessage(EventId = 1605, EventName = "WebhookNoProvider", Level = LogLevel.Warning,
        Message = "Mailing webhooks: no provider is configured under {Section}, so {Prefix} maps nothing")]
    public static partial void NoProvider(ILogger logger, string section, string prefix);

    [LoggerMessage(EventId = 1606, EventName = "WebhookSuppressionInMemory", Level = LogLevel.Warning,
        Message = "Mailing webhooks: the suppression list is kept in memory, so bounces and complaints are forgotten on restart; choose UseSuppressionFile(...) or a database-backed ISuppressionList")]
    public static partial void SuppressionInMemory(ILogger logger);
}
