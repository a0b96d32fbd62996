namespace Mailing.Queue.Storage;

/// <summary>What the queue holds at one moment, for metrics and the health check.</summary>
/// <param name="Ready">Messages due and waiting for a worker.</param>
/// <param name="Scheduled">Messages whose <c>notBefore</c> is still ahead.</param>
/// <param name="InProgress">Messages a worker has taken and not finished.</param>
/// <param name="Retrying">Messages waiting for their next attempt after a transient failure.</param>
/// <param name="DeadLetters">Messages in the dead letters.</param>
/// <param name="OldestReadyAge">How long the oldest ready message has waited; zero when none waits.</param>
internal sealed record QueueSnapshot(long Ready, long Scheduled, long InProgress, long Retrying, long DeadLetters, TimeSpan OldestReadyAge)
{
    /// <summary>Every message still to be sent (not counting dead letters).</summary>
    public long Depth => Ready + Scheduled + InProgress + Retrying;
}
