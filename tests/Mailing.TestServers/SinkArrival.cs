namespace Mailing.TestServers;

/// <summary>One message the sink accepted: its Message-Id (without angle brackets; empty when it had none) and when, since the sink started.</summary>
public sealed record SinkArrival(string MessageId, TimeSpan At);
