using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mailing.Observability;

/// <summary>
/// The activity source and instruments the mailer records into, created through the application's
/// <see cref="IMeterFactory"/> when there is one so metrics are scoped to the service provider.
/// </summary>
internal sealed class MailingTelemetry : IDisposable
{
    private static readonly string Version = typeof(MailingTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";
    private readonly bool _ownsMeter;

    public MailingTelemetry(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(new MeterOptions(MailingDiagnostics.MeterName) { Version = Version }) ?? new Meter(MailingDiagnostics.MeterName, Version);
        _ownsMeter = meterFactory is null;
        Sent = Meter.CreateCounter<long>(MailingDiagnostics.SentCounterName, "{message}", "Messages a transport accepted.");
        Failed = Meter.CreateCounter<long>(MailingDiagnostics.FailedCounterName, "{message}", "Messages that could not be delivered, by failure kind.");
        Duration = Meter.CreateHistogram<double>(MailingDiagnostics.DurationHistogramName, "s", "Time from hand-over to the transport until it accepted or refused the message.");
    }

    public static ActivitySource ActivitySource { get; } = new(MailingDiagnostics.ActivitySourceName, Version);

    public Meter Meter { get; }

    public Counter<long> Sent { get; }

    public Counter<long> Failed { get; }

    public Histogram<double> Duration { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
