using Mailing.Runtime.Tests.TestSupport;
using Mailing.Transports.Local;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mailing.Runtime.Tests.Transports.Local;

public sealed class PickupDirectoryTransportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mailing-pickup-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static EmailMessage Message(string subject = "Hello") => new()
    {
        From = "shop@shop.example",
        To = ["ann@example.com"],
        Bcc = ["audit@shop.example"],
        Subject = subject,
        HtmlBody = "<p>Grüße</p>",
    };

    [Fact]
    public async Task Send_WritesOneCompleteEmlFileAndNoTemporaryFile()
    {
        var transport = new PickupDirectoryTransport(_directory);

        var result = await transport.SendAsync(Message());

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(file), result.ProviderMessageId);
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal(result.MessageId, parsed.MessageId);
        Assert.Equal("Hello", parsed.Subject);
        Assert.Equal("Grüße", parsed.TextBody);
        Assert.Equal("audit@shop.example", parsed.Bcc.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task TheFile_IsWhatMimeKitsPathWrote_BccIncluded()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 18, 59, 31, TimeSpan.Zero));
        var transport = new PickupDirectoryTransport(_directory, clock);
        var message = (Message("Grüße — 注文") with { MessageId = "pickup@shop.example", TextBody = ".dot\nFrom here\n" })
            .Attach(new EmailAttachment("Überweisung März.pdf", new byte[] { 1, 2, 3 }));

        await transport.SendAsync(message);

        var file = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(_directory)));
        MimeEquivalence.AssertWellFormed(file);
        var expected = MimeEquivalence.WriteWithMimeKit(message, clock, hideBlindCopies: false);
        MimeEquivalence.AssertSame(MimeEquivalence.Parse(expected), MimeEquivalence.Parse(file));
    }

    [Fact]
    public async Task File_UsesCrLfLineEndings()
    {
        var transport = new PickupDirectoryTransport(_directory);

        await transport.SendAsync(Message());

        var bytes = await File.ReadAllBytesAsync(Directory.GetFiles(_directory).Single());
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"bare LF at byte {i}");
            }
        }
    }

    [Fact]
    public async Task SameMessageIdTwice_KeepsBothFiles()
    {
        var transport = new PickupDirectoryTransport(_directory);
        var message = Message() with { IdempotencyKey = "order-1" };

        await transport.SendAsync(message);
        await transport.SendAsync(message);

        Assert.Equal(2, Directory.GetFiles(_directory, "*.eml").Length);
    }

    [Fact]
    public async Task ParallelSends_WriteOneFileEach()
    {
        var transport = new PickupDirectoryTransport(_directory);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => transport.SendAsync(Message($"Message {i}")))));

        var subjects = Directory.GetFiles(_directory, "*.eml").Select(f => MimeMessage.Load(f).Subject).ToHashSet();
        Assert.Equal(50, subjects.Count);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task UnwritableDirectory_IsAConfigurationFailureWithAHint()
    {
        Directory.CreateDirectory(_directory);
        var blocker = Path.Combine(_directory, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");
        var transport = new PickupDirectoryTransport(blocker);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message()));

        Assert.Equal(MailFailureKind.Configuration, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Equal("pickup", error.TransportName);
        Assert.Contains("may write there", error.Message, StringComparison.Ordinal);
    }
}
