using Mailing.Transports;

namespace Mailing.Benchmarks.Dispatch;

/// <summary>The floor: a transport that accepts every message at once with a result made up front.</summary>
internal sealed class AcceptingTransport(string name) : IEmailTransport
{
    private readonly Task<SendResult> _accepted = Task.FromResult(new SendResult { MessageId = "bench@acme.example", TransportName = name });

    public string Name => name;

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => _accepted;
}
