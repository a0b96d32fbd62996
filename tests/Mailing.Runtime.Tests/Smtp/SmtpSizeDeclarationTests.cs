using System.Collections.Concurrent;
using Mailing.DevInbox;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>
/// RFC 1870 SIZE: a message that cannot reach the server's limit is sent without being measured first (no SIZE=),
/// one that might is measured and declared, so the server can still refuse it before any data is sent.
/// </summary>
public sealed class SmtpSizeDeclarationTests
{
    [Fact]
    public async Task AMessageFarBelowTheAdvertisedLimit_IsSentWithoutASizeDeclaration()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(
            command => { if (command.Verb == "MAIL") { mailFrom.Enqueue(command.Line); } return null; },
            extensions: ["PIPELINING", "8BITMIME", "SIZE 10485760"]);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message("small"), Timeout());

        Assert.Single(server.Messages);
        Assert.DoesNotContain("SIZE=", Assert.Single(mailFrom), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMessageThatMightReachTheLimit_IsDeclaredWithItsExactSize()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(
            command => { if (command.Verb == "MAIL") { mailFrom.Enqueue(command.Line); } return null; },
            extensions: ["8BITMIME", "SIZE 20000"]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message("large") with { HtmlBody = "<p>" + new string('x', 6_000) + "</p>" };

        await transport.SendAsync(message, Timeout());

        var data = Assert.Single(server.Messages);
        var declared = long.Parse(Assert.Single(mailFrom).Split("SIZE=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        // The server's copy is the data with the final CRLF of the terminator taken off by the reader: same bytes.
        Assert.Equal(data.Length, declared);
    }

    [Fact]
    public async Task TheDeclaredSize_CountsTheMessage_NotTheDotsStuffingAddsOnTheWire()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(
            command => { if (command.Verb == "MAIL") { mailFrom.Enqueue(command.Line); } return null; },
            extensions: ["PIPELINING", "8BITMIME", "SIZE 20000"]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message("dots") with { TextBody = string.Concat(Enumerable.Repeat(".a line that starts with a dot\n", 300)) };

        await transport.SendAsync(message, Timeout());

        var data = Assert.Single(server.Messages);
        Assert.Equal(data.Length, long.Parse(Assert.Single(mailFrom).Split("SIZE=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnAttachmentReadFromAFile_HasNoSizeBound_SoItsSizeIsDeclaredExactly()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(
            command => { if (command.Verb == "MAIL") { mailFrom.Enqueue(command.Line); } return null; },
            extensions: ["PIPELINING", "8BITMIME", "SIZE 10485760"]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var path = Path.Combine(Path.GetTempPath(), $"mailing-size-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "a,b\n1,2\n");
        try
        {
            await transport.SendAsync(Message("file").Attach(EmailAttachment.FromFile(path)), Timeout());
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(Assert.Single(server.Messages).Length, long.Parse(Assert.Single(mailFrom).Split("SIZE=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AMessageOverTheAdvertisedLimit_IsRefusedBeforeItsData_AndNothingArrives()
    {
        await using var inbox = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions { Tls = InboxTlsMode.None, MaxMessageSize = 4_000 });
        await using var transport = new SmtpTransport(OptionsFor(inbox, trustTestCertificate: false));
        var message = Message("too large") with { HtmlBody = "<p>" + new string('x', 8_000) + "</p>" };

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(message, Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.Empty(inbox.Messages);
        await transport.SendAsync(Message("fits"), Timeout());
        Assert.Equal("fits", Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout())).Message.Subject);
    }
}
