namespace Mailing;

/// <summary>
/// The names Mailing's traces and metrics are published under, for OpenTelemetry set-up:
/// <code>
/// .WithTracing(t =&gt; t.AddSource(MailingDiagnostics.ActivitySourceName))
/// .WithMetrics(m =&gt; m.AddMeter(MailingDiagnostics.MeterName, MailingDiagnostics.SmtpMeterName))
/// </code>
/// </summary>
/// <remarks>
/// Mailing records one span and the counters below per message; the SMTP transport adds a span per connection it opens
/// (<see cref="SmtpConnectActivityName"/>, a child of the send's span) and protocol metrics on its own meter
/// (<see cref="SmtpMeterName"/>).
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

    /// <summary>The activity for opening an SMTP connection (TCP, TLS, greeting, EHLO, AUTH), on <see cref="ActivitySourceName"/>: <c>Mailing.Smtp.Connect</c>.</summary>
    /// <remarks>Tags <c>server.address</c>, <c>server.port</c>, <c>mailing.smtp.security</c>; on failure <c>mailing.outcome</c> and an error status.</remarks>
    public const string SmtpConnectActivityName = "Mailing.Smtp.Connect";

    /// <summary>The SMTP transport's process-wide meter: <c>Mailing.Smtp</c>.</summary>
    public const string SmtpMeterName = "Mailing.Smtp";

    /// <summary>Histogram of the time to open an SMTP session, in seconds; tags <c>server.address</c>, <c>server.port</c>, <c>mailing.smtp.security</c>, <c>mailing.outcome</c> (<c>ok</c> or a failure kind).</summary>
    public const string SmtpConnectDurationName = "mailing.smtp.connect.duration";

    /// <summary>Up-down counter of open SMTP sessions (in use or idle in a pool); tags <c>server.address</c>, <c>server.port</c>.</summary>
    public const string SmtpOpenSessionsName = "mailing.smtp.sessions.open";

    /// <summary>Counter of messages sent on a new session because the pooled one had been closed by the server before any recipient was accepted; tags <c>server.address</c>, <c>server.port</c>.</summary>
    public const string SmtpReconnectsName = "mailing.smtp.reconnects";

    internal const string TransportTag = "mailing.transport";
    internal const string TemplateTag = "mailing.template";
    internal const string OutcomeTag = "mailing.outcome";
    internal const string FailureKindTag = "mailing.failure_kind";
    internal const string MessageIdTag = "mailing.message_id";
    internal const string AttemptsTag = "mailing.attempts";
    internal const string RecipientCountTag = "mailing.recipient_count";
    internal const string SentOutcome = "sent";

    /// <summary>
    /// A failure kind as Mailing's metrics and spans tag it in <c>mailing.failure_kind</c> and <c>mailing.outcome</c>:
    /// <c>connection</c>, <c>tls</c>, <c>authentication</c>, <c>rejected</c>, <c>rate_limited</c>, <c>timeout</c>,
    /// <c>configuration</c> or <c>transient</c>; <c>unknown</c> for a value outside <see cref="MailFailureKind"/>.
    /// </summary>
    /// <param name="kind">The failure kind, usually <see cref="MailDeliveryException.Kind"/>.</param>
    /// <returns>The lower-case tag value; never throws.</returns>
    /// <remarks>
    /// Use it when tagging your own instruments with <c>mailing.failure_kind</c>, so they can be joined with Mailing's:
    /// <see cref="MailFailureKind"/>'s <c>ToString()</c> (<c>RateLimited</c>) is not the tag value (<c>rate_limited</c>).
    /// </remarks>
    public static string FailureKindTagValue(MailFailureKind kind) => kind switch
    {
        MailFailureKind.Connection => "connection",
        MailFailureKind.Tls => "tls",
        MailFailureKind.Authentication => "authentication",
        MailFailureKind.Rejected => "rejected",
        MailFailureKind.RateLimited => "rate_limited",
        MailFailureKind.Timeout => "timeout",
        MailFailureKind.Configuration => "configuration",
        MailFailureKind.Transient => "transient",
        _ => "unknown",
    };
}
