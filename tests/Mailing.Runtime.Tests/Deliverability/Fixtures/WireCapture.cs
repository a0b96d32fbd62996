using System.Collections.Concurrent;
using Mailing.DevInbox;
using Mailing.Tests.Smtp.Fixtures;

namespace Mailing.Runtime.Tests.Deliverability.Fixtures;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer library, STARTTLS and AUTH with the test certificate) that keeps the
/// exact bytes of every message after <c>DATA</c>, with dot-stuffing undone as the protocol says: what a receiving MTA
/// would hash when it checks a DKIM signature.
/// </summary>
internal sealed class WireCapture : IAsyncDisposable
{
    private readonly ConcurrentQueue<byte[]> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private WireCapture()
    {
    }

    public LocalSmtpInbox Inbox { get; private set; } = null!;

    public static async Task<WireCapture> StartAsync()
    {
        var capture = new WireCapture();
        capture.Inbox = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Tls = InboxTlsMode.StartTls,
            Certificate = TestCertificates.Server,
            Username = SmtpTestRig.Username,
            Password = SmtpTestRig.Password,
            Received = (_, bytes, _) =>
            {
                capture._messages.Enqueue(bytes.ToArray());
                capture._arrived.Release();
                return Task.CompletedTask;
            },
        });
        return capture;
    }

    /// <summary>Waits for the next message and returns its bytes as they arrived.</summary>
    public async Task<byte[]> NextAsync()
    {
        await _arrived.WaitAsync(SmtpTestRig.Timeout());
        return _messages.TryDequeue(out var bytes) ? bytes : throw new InvalidOperationException("A message was signalled but none was kept.");
    }

    public ValueTask DisposeAsync() => Inbox.DisposeAsync();
}
