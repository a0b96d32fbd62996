using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mailing.Queue.Storage;

namespace Mailing.Queue.Observability;

/// <summary>The queue's instruments, on the <c>Mailing</c> meter beside the mailer's.</summary>
internal sealed class MailQueueTelemetry : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private QueueSnapshot? _last;

    public MailQueueTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(new MeterOptions(MailingDiagnostics.MeterName)) ?? new Meter(MailingDiagnostics.MeterName);
        _ownsMeter = meterFactory is null;
        Sent = _meter.CreateCounter<long>(MailQueueDiagnostics.SentCounterName, "{message}", "Queued messages a transport accepted.");
        Failed = _meter.CreateCounter<long>(MailQueueDiagnostics.FailedCounterName, "{attempt}", "Failed attempts to send a queued message, by what happens next.");
        DeadLettered = _meter.CreateCounter<long>(MailQueueDiagnostics.DeadLetteredCounterName, "{message}", "Queued messages moved to the dead letters.");
        Duplicates = _meter.CreateCounter<long>(MailQueueDiagnostics.DuplicateCounterName, "{message}", "Deliveries skipped because the message had already been sent.");
        _meter.CreateObservableGauge(MailQueueDiagnostics.DepthGaugeName, ObserveDepth, "{message}", "Messages still to be sent, by state.");
        _meter.CreateObservableGauge(MailQueueDiagnostics.OldestAgeGaugeName, () => _last is { } s ? [new Measurement<double>(s.OldestReadyAge.TotalSeconds)] : Array.Empty<Measurement<double>>(), "s", "How long the oldest ready message has waited for a worker.");
        _meter.CreateObservableGauge(MailQueueDiagnostics.DeadLetterGaugeName, () => _last is { } s ? [new Measurement<long>(s.DeadLetters)] : Array.Empty<Measurement<long>>(), "{message}", "Messages in the dead letters.");
    }

    public Counter<long> Sent { get; }

    public Counter<long> Failed { get; }

    public Counter<long> DeadLettered { get; }

    public Counter<long> Duplicates { get; }

    /// <summary>The latest measurement, which the gauges report.</summary>
    public void Update(QueueSnapshot snapshot) => _last = snapshot;

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        if (_last is not { } s)
        {
            return [];
        }

        return
        [
            new Measurement<long>(s.Ready, new TagList { { MailQueueDiagnostics.StateTag, "ready" } }),
            new Measurement<long>(s.Scheduled, new TagList { { MailQueueDiagnostics.StateTag, "scheduled" } }),
            new Measurement<long>(s.InProgress, new TagList { { MailQueueDiagnostics.StateTag, "in_progress" } }),
            new Measurement<long>(s.Retrying, new TagList { { MailQueueDiagnostics.StateTag, "retrying" } }),
        ];
    }
}
