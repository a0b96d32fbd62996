using System.Diagnostics.Tracing;

namespace Mailing.Benchmarks.Sending;

/// <summary>
/// Listens to the runtime's allocation ticks (one about every 100 KB allocated) and totals them by type: a cheap
/// in-process answer to "what is allocated", without a profiler. Sampled, so read it as proportions.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private readonly Lock _lock = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" || e.Payload is null)
        {
            return;
        }

        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        lock (_lock)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
        }
    }

    public void Report(long messages, int top = 25)
    {
        lock (_lock)
        {
            var total = _bytesByType.Values.Sum();
            Console.WriteLine($"sampled allocation by type, per message ({total / Math.Max(1, messages):N0} B/message sampled):");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(pair => pair.Value).Take(top))
            {
                Console.WriteLine($"  {bytes / Math.Max(1, messages),8:N0} B  {100.0 * bytes / total,5:F1} %  {type}");
            }
        }
    }
}
