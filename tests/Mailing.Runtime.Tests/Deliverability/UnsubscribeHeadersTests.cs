using System.Text;
using Mailing.Runtime.Tests.Deliverability.Fixtures;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using MimeKit;

namespace Mailing.Runtime.Tests.Deliverability;

/// <summary>
/// The bulk/transactional rule on the wire: bulk mail carries List-Unsubscribe, List-Unsubscribe-Post (RFC 8058) and
/// Precedence: bulk through a real SMTP server; transactional mail carries none of them unless written by hand.
/// </summary>
public sealed class UnsubscribeHeadersTests
{
    private static readonly UnsubscribeTarget Target = new("https://shop.example/unsubscribe?token=abc-123", "mailto:unsubscribe@shop.example?subject=unsubscribe");

    [Fact]
    public async Task BulkMessage_ArrivesOverSmtp_WithOneClickUnsubscribeAndPrecedenceBulk()
    {
        var wire = await SendOverSmtpAsync(Message() with { Kind = EmailKind.Bulk, Unsubscribe = Target });

        var headers = Headers(wire);
        Assert.Equal(["<https://shop.example/unsubscribe?token=abc-123>, <mailto:unsubscribe@shop.example?subject=unsubscribe>"], headers.Values("List-Unsubscribe"));
        Assert.Equal(["List-Unsubscribe=One-Click"], headers.Values("List-Unsubscribe-Post"));
        Assert.Equal(["bulk"], headers.Values("Precedence"));
        Assert.Contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", Encoding.ASCII.GetString(wire), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransactionalMessage_ArrivesWithoutAnyUnsubscribeOrPrecedenceHeader()
    {
        var wire = await SendOverSmtpAsync(Message());

        var headers = Headers(wire);
        Assert.Empty(headers.Values("List-Unsubscribe"));
        Assert.Empty(headers.Values("List-Unsubscribe-Post"));
        Assert.Empty(headers.Values("Precedence"));
    }

    [Fact]
    public async Task TransactionalMessageWithAHandWrittenListUnsubscribe_ArrivesWithExactlyThatHeader()
    {
        var wire = await SendOverSmtpAsync(Message().WithHeader("List-Unsubscribe", "<mailto:settings@shop.example>"));

        var headers = Headers(wire);
        Assert.Equal(["<mailto:settings@shop.example>"], headers.Values("List-Unsubscribe"));
        Assert.Empty(headers.Values("List-Unsubscribe-Post"));
        Assert.Empty(headers.Values("Precedence"));
    }

    [Fact]
    public async Task TransactionalMessageWithATarget_GetsTheUnsubscribeHeadersButNoPrecedence()
    {
        var wire = await SendOverSmtpAsync(Message() with { Unsubscribe = new UnsubscribeTarget("https://shop.example/settings?t=1") });

        var headers = Headers(wire);
        Assert.Equal(["<https://shop.example/settings?t=1>"], headers.Values("List-Unsubscribe"));
        Assert.Equal(["List-Unsubscribe=One-Click"], headers.Values("List-Unsubscribe-Post"));
        Assert.Empty(headers.Values("Precedence"));
    }

    [Fact]
    public async Task BulkMessageThatSetsPrecedence_KeepsItsOwnValue()
    {
        var wire = await SendOverSmtpAsync((Message() with { Kind = EmailKind.Bulk, Unsubscribe = Target }).WithHeader("Precedence", "list"));

        Assert.Equal(["list"], Headers(wire).Values("Precedence"));
    }

    [Fact]
    public async Task BulkMessageWithoutATarget_IsRefusedBeforeAnyConnection()
    {
        await using var capture = await WireCapture.StartAsync();
        await using var transport = new SmtpTransport(SmtpTestRig.OptionsFor(capture.Inbox));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Message() with { Kind = EmailKind.Bulk }, SmtpTestRig.Timeout()));

        Assert.Contains("bulk mail (EmailKind.Bulk) but has no unsubscribe link", error.Message, StringComparison.Ordinal);
        Assert.Contains("EmailMessage.Unsubscribe = new UnsubscribeTarget(link)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, transport.OpenedConnections);
    }

    [Fact]
    public async Task BulkMessageWithOnlyAHandWrittenListUnsubscribe_IsRefused_BecauseOneClickCannotBeChecked()
    {
        var transport = new InMemoryTransport();

        var message = (Message() with { Kind = EmailKind.Bulk }).WithHeader("List-Unsubscribe", "<https://shop.example/u>");

        await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message));
        Assert.Equal(0, transport.SentCount);
    }

    [Fact]
    public async Task TargetAndHandWrittenUnsubscribeHeader_AreRefusedAsAmbiguous()
    {
        var transport = new InMemoryTransport();

        var message = (Message() with { Kind = EmailKind.Bulk, Unsubscribe = Target }).WithHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message));
        Assert.Contains("Remove them from Headers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMemoryAndPickupTransports_WriteTheSameHeaders()
    {
        var memory = new InMemoryTransport();
        var directory = Directory.CreateTempSubdirectory("mailing-unsubscribe-").FullName;
        try
        {
            var pickup = new PickupDirectoryTransport(directory);
            var message = Message() with { Kind = EmailKind.Bulk, Unsubscribe = Target };

            await memory.SendAsync(message);
            await pickup.SendAsync(message);

            foreach (var bytes in new[] { memory.Sent.Single().MimeBytes.ToArray(), File.ReadAllBytes(Directory.GetFiles(directory, "*.eml").Single()) })
            {
                var headers = Headers(bytes);
                Assert.Equal([Target.HeaderValue], headers.Values("List-Unsubscribe"));
                Assert.Equal(["List-Unsubscribe=One-Click"], headers.Values("List-Unsubscribe-Post"));
                Assert.Equal(["bulk"], headers.Values("Precedence"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static EmailMessage Message() => SmtpTestRig.Message("May news", "ann@example.net");

    private static async Task<byte[]> SendOverSmtpAsync(EmailMessage message)
    {
        await using var capture = await WireCapture.StartAsync();
        await using var transport = new SmtpTransport(SmtpTestRig.OptionsFor(capture.Inbox));
        await transport.SendAsync(message, SmtpTestRig.Timeout());
        return await capture.NextAsync();
    }

    private static HeaderList Headers(byte[] wire)
    {
        using var stream = new MemoryStream(wire);
        return MimeMessage.Load(stream).Headers;
    }
}
