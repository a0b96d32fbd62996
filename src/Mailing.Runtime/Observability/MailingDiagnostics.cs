namespace Mailing;

/// <summary>
/// The names Mailing's traces and metrics are published under, for OpenTelemetry set-up:
/// <code>
/// .WithTracing(t =&gt; t.AddSource(MailingDiagnostics.ActivitySourceName, MailingDiagnostics.MailKitActivitySourceName))
/// .WithMetrics(m =&gt; m.AddMeter(MailingDiagnostics.MeterName, MailingDiagnostics.MailKitMeterName))
/// </code>
/// </summary>
/// <remarks>
/// Mailing records one span and the counters below per message; MailKit records the SMTP protocol
/// itself (connect, authenticate, send) under its own names, which Mailing switches on rather than duplicating.
/// </remarks>
public static class MailingDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: <c>Mailing</c>.</summary>
    public const string ActivitySourceName = "Mailing";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>Mailing</c>.</summary>
    public const string MeterName = "Mailing";

    /// <summary>Counter of messages a transport accepted; tags <c>mailing.transport</c>, <c>mailing.template</c>.</summary>
    public const string SentCounterName = "mailing.messages.sent";

    /// <summary>Counter of messages that failed; tags <c>mailing.transport</c>, <c>mailing.template</c>, <c>mailing.failure_kind</c>.</summary>
    public const string FailedCounterName = "mailing.messages.failed";

    /// <summary>Histogram of send durations in seconds; tags <c>mailing.transport</c>, <c>mailing.template</c>, <c>mailing.outcome</c>.</summary>
    public const string DurationHistogramName = "mailing.send.duration";

    /// <summary>MailKit's SMTP client activity source (<c>MailKit.Net.SmtpClient</c>).</summary>
    public const string MailKitActivitySourceName = MailKit.Telemetry.SmtpClient.ActivitySourceName;

    /// <summary>MailKit's SMTP client meter (<c>mailkit.net.smtp</c>).</summary>
    public const string MailKitMeterName = MailKit.Telemetry.SmtpClient.MeterName;

    /// <summary>MailKit's socket meter (<c>mailkit.net.socket</c>): connection counts and durations.</summary>
    public const string MailKitSocketMeterName = MailKit.Telemetry.Socket.MeterName;

    internal const string TransportTag = "mailing.transport";
    internal const string TemplateTag = "mailing.template";
    internal const string OutcomeTag = "mailing.outcome";
    internal const string FailureKindTag = "mailing.failure_kind";
    internal const string MessageIdTag = "mailing.message_id";
    internal const string AttemptsTag = "mailing.attempts";
    internal const string RecipientCountTag = "mailing.recipient_count";
    internal const string SentOutcome = "sent";
}
