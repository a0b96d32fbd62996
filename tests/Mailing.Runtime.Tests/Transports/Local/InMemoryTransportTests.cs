using Mailing.Runtime.Tests.TestSupport;
using Mailing.Transports.Local;
using Microsoft.Extensions.Time.Testing;

namespace Mailing.Runtime.Tests.Transports.Local;

public sealed class InMemoryTransportTests
{
    private static EmailMessage Message(int i) => new()
    {
        From = "shop@shop.example",
        To = [$"user{i}@example.com"],
        Subject = $"Message {i}",
        TextBody = "x",
    };

    [Fact]
    public async Task ParallelSends_AreAllCapturedExactlyOnce()
    {
        var transport = new InMemoryTransport();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => transport.SendAsync(Message(i)))));

        Assert.Equal(200, transport.SentCount);
        Assert.Equal(200, transport.Sent.Select(s => s.Subject).Distinct().Count());
        Assert.Equal(200, transport.Sent.Select(s => s.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task CapturedBytes_AreTheWireFormWithCrLfLineEndings()
    {
        var transport = new InMemoryTransport();

        await transport.SendAsync(Message(1) with { TextBody = "line one\nline two" });

        var raw = System.Text.Encoding.ASCII.GetString(transport.Sent.Single().MimeBytes.Span);
        Assert.DoesNotContain("\n", raw.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("line one\nline two", transport.Sent.Single().ToMimeMessage().TextBody?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }

    [Fact]
    public async Task CapturedBytes_HideBccLikeSmtpDoes_ButTheRecipientIsStillKnown()
    {
        var transport = new InMemoryTransport();

        await transport.SendAsync(Message(1) with { Bcc = ["audit@shop.example"] });

        var sent = transport.Sent.Single();
        Assert.Empty(sent.ToMimeMessage().Bcc);
        Assert.DoesNotContain("audit@shop.example", System.Text.Encoding.ASCII.GetString(sent.MimeBytes.Span), StringComparison.Ordinal);
        Assert.Contains(sent.Recipients, r => r.Address == "audit@shop.example");
    }

    [Theory]
    [InlineData("Thanks\nfor your order", null)]
    [InlineData(null, "<p>Grüße, 山田さん 🎉</p>\n<p>.dot</p>")]
    [InlineData("Hello\r\n.dot line\nFrom the team\n", "<p>Hello</p>")]
    public async Task CapturedBytesAndText_AreWhatMimeKitsPathWrote(string? text, string? html)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 18, 59, 31, TimeSpan.Zero));
        var transport = new InMemoryTransport(clock);
        var message = (Message(1) with
        {
            From = new EmailAddress("shop@shop.example", "Bücherstube Müller"),
            Cc = [new EmailAddress("cc@example.com", "Zoë")],
            Bcc = ["audit@shop.example"],
            Subject = "Ihre Bestellung über 12 € — 注文",
            TextBody = text,
            HtmlBody = html,
            MessageId = "fixed@shop.example",
        }).Attach(new EmailAttachment("Überweisung März.pdf", new byte[] { 1, 2, 3 }));

        await transport.SendAsync(message);

        var sent = transport.Sent.Single();
        var expected = MimeEquivalence.WriteWithMimeKit(message, clock, hideBlindCopies: true);
        MimeEquivalence.AssertSame(MimeEquivalence.Parse(expected), sent.ToMimeMessage());
        using var mime = MimeMessageFactory.Create(message, clock);
        Assert.Equal(mime.TextBody, sent.Text);
    }

    [Fact]
    public async Task FailNext_FailsExactlyTheNextSend()
    {
        var transport = new InMemoryTransport();
        transport.FailNext(new MailDeliveryException(MailFailureKind.Connection, "refused"));

        await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(1)));
        await transport.SendAsync(Message(2));

        Assert.Equal("Message 2", transport.Sent.Single().Subject);
    }

    [Fact]
    public async Task InvalidMessage_FailsAsItWouldOverSmtpAndIsNotCaptured()
    {
        var transport = new InMemoryTransport();

        await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Message(1) with { From = null }));

        Assert.Equal(0, transport.SentCount);
    }

    [Fact]
    public async Task Clear_ForgetsWhatWasSent()
    {
        var transport = new InMemoryTransport();
        await transport.SendAsync(Message(1));

        transport.Clear();

        Assert.Empty(transport.Sent);
    }
}
