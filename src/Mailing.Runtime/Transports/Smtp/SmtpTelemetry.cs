using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mailing.Observability;

namespace Mailing.Transports.Smtp;

/// <summary>
/// What only the SMTP protocol knows, recorded by Mailing's own session (it replaced MailKit's <c>SmtpClient</c>, whose
/// <c>mailkit.net.smtp</c> telemetry it used to switch on): a span per connection opened, and metrics on the meter
/// <see cref="MailingDiagnostics.SmtpMeterName"/> for connection time, open sessions and reconnects.
/// </summary>
/// <remarks>
/// The meter is process-wide, created without the application's <see cref="IMeterFactory"/>: a transport can be created
/// without dependency injection, and a factory dies with its service provider while pooled sessions may outlive it.
/// Nothing is recorded per message here; per-message metrics are the mailer's (<see cref="MailingDiagnostics.MeterName"/>).
/// </remarks>
internal static class SmtpTelemetry
{
    private const string ServerAddressTag = "server.address";
    private const string ServerPortTag = "server.port";
    private const string SecurityTag = "mailing.smtp.security";
    private const string OkOutcome = "ok";
    private const string CanceledOutcome = "canceled";

    private static readonly Meter Meter = new(MailingDiagnostics.SmtpMeterName, typeof(SmtpTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Histogram<double> ConnectDuration = Meter.CreateHistogram<double>(
        MailingDiagnostics.SmtpConnectDurationName, "s", "Opening an SMTP session: TCP, TLS, greeting, EHLO and AUTH.");

    private static readonly UpDownCounter<long> OpenSessions = Meter.CreateUpDownCounter<long>(
        MailingDiagnostics.SmtpOpenSessionsName, "{session}", "SMTP sessions open, in use or idle in a pool.");

    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        MailingDiagnostics.SmtpReconnectsName, "{reconnect}", "Messages sent on a new session because the pooled one had been closed before any recipient was accepted.");

    public static Activity? StartConnect(SmtpOptions options)
    {
        var activity = MailingTelemetry.ActivitySource.StartActivity(MailingDiagnostics.SmtpConnectActivityName, ActivityKind.Client);
        activity?.SetTag(ServerAddressTag, options.Host);
        activity?.SetTag(ServerPortTag, options.Port);
        activity?.SetTag(SecurityTag, SecurityName(options.EffectiveSecurity));
        return activity;
    }

    public static void Connected(SmtpOptions options, Activity? activity, TimeSpan duration, int port)
    {
        activity?.SetTag(ServerPortTag, port);
        activity?.SetStatus(ActivityStatusCode.Ok);
        if (ConnectDuration.Enabled)
        {
            ConnectDuration.Record(duration.TotalSeconds, Tags(options, OkOutcome));
        }

        OpenSessions.Add(1, new KeyValuePair<string, object?>(ServerAddressTag, options.Host), new KeyValuePair<string, object?>(ServerPortTag, options.Port));
    }

    public static void ConnectFailed(SmtpOptions options, Activity? activity, TimeSpan duration, MailFailureKind? kind)
    {
        var outcome = kind is { } failure ? MailingDiagnostics.FailureKindTagValue(failure) : CanceledOutcome;
        activity?.SetTag(MailingDiagnostics.OutcomeTag, outcome);
        activity?.SetStatus(ActivityStatusCode.Error, outcome);
        if (ConnectDuration.Enabled)
        {
            ConnectDuration.Record(duration.TotalSeconds, Tags(options, outcome));
        }
    }

    /// <summary>A session counted by <see cref="Connected"/> was closed.</summary>
    public static void Closed(SmtpOptions options) =>
        OpenSessions.Add(-1, new KeyValuePair<string, object?>(ServerAddressTag, options.Host), new KeyValuePair<string, object?>(ServerPortTag, options.Port));

    public static void Reconnected(SmtpOptions options) =>
        Reconnects.Add(1, new KeyValuePair<string, object?>(ServerAddressTag, options.Host), new KeyValuePair<string, object?>(ServerPortTag, options.Port));

    private static TagList Tags(SmtpOptions options, string outcome) => new()
    {
        { ServerAddressTag, options.Host },
        { ServerPortTag, options.Port },
        { SecurityTag, SecurityName(options.EffectiveSecurity) },
        { MailingDiagnostics.OutcomeTag, outcome },
    };

    private static string SecurityName(SmtpSecurity security) => security switch
    {
        SmtpSecurity.ImplicitTls => "implicit_tls",
        SmtpSecurity.StartTls => "starttls",
        _ => "none",
    };
}
