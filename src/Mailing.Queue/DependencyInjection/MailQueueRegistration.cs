using Mailing.Queue.RateLimiting;
using Mailing.Queue.Storage;

namespace Mailing.Queue;

/// <summary>
/// What <c>UseQueue</c> read from configuration when the services were registered (Wolverine's storage must be chosen
/// then, before the container exists), shared by every part of the queue as one singleton.
/// </summary>
internal sealed class MailQueueRegistration
{
    public MailQueueRegistration(MailQueueOptions options, List<string> problems)
    {
        Options = options;
        Problems = problems;
        if (QueueStorage.TryParse(options.Storage, $"{options.SectionPath}:Storage", out var storage, out _))
        {
            Storage = storage;
        }

        var limits = new Dictionary<string, TransportRateLimit>(StringComparer.OrdinalIgnoreCase);
        foreach (var (transport, text) in options.RateLimits)
        {
            if (TransportRateLimit.TryParse(transport, text, out var limit))
            {
                limits[transport] = limit!;
            }
        }

        RateLimits = limits;
    }

    public MailQueueOptions Options { get; }

    /// <summary>The parsed storage; <see langword="null"/> when it is missing or invalid (reported at start-up).</summary>
    public QueueStorage? Storage { get; }

    /// <summary>Binding problems, reported by start-up validation.</summary>
    public List<string> Problems { get; }

    public IReadOnlyDictionary<string, TransportRateLimit> RateLimits { get; }

    /// <summary>Wolverine's options, once <c>UseQueue</c> added Wolverine.</summary>
    public Wolverine.WolverineOptions? Wolverine { get; set; }

    /// <summary>Whether this process sends queued mail (<c>AddMailingWorker()</c>), or only enqueues.</summary>
    public bool IsWorker { get; set; }
}
