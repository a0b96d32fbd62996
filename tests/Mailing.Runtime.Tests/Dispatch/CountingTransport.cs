using Mailing.Transports;

namespace Mailing.Tests.Dispatch;

/// <summary>Counts the sends that reach a transport, so a test can wait for an attempt before moving a fake clock.</summary>
internal sealed class CountingTransport(IEmailTransport inner) : IEmailTransport
{
    private int _calls;

    public string Name => inner.Name;

    public int Calls => Volatile.Read(ref _calls);

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return inner.SendAsync(message, cancellationToken);
    }

    public async Task WaitForCallsAsync(int count)
    {
        using var patience = new CancellationTokenSource(Smtp.Fixtures.SmtpTestRig.Patience);
        while (Calls < count)
        {
            await Task.Delay(5, patience.Token);
        }
    }
}
