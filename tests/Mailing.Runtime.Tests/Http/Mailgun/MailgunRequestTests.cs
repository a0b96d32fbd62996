using System.Text;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Mailgun;
using static Mailing.Tests.Http.Mailgun.MailgunTestRig;

namespace Mailing.Tests.Http.Mailgun;

/// <summary>What reaches Mailgun's messages API for a message, parsed as multipart/form-data and checked against the documented fields.</summary>
public sealed class MailgunRequestTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 invoice");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task AFullMessage_IsPostedToTheDomainsMessages_WithBasicAuthAndEveryDocumentedField()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var message = new EmailMessage
        {
            From = "Shop <shop@mg.shop.example>",
            To = ["\"Smith, Ann\" <ann@example.com>", "bob@example.com"],
            Cc = ["carol@example.com"],
            Bcc = ["audit@shop.example"],
            ReplyTo = ["support@shop.example"],
            Subject = "Your receipt #1042 – Grüße",
            HtmlBody = "<p>Thanks! <img src=\"cid:logo\"></p>",
            TextBody = "Thanks!",
            Attachments = [new EmailAttachment("invoice.pdf", Pdf, "application/pdf")],
            InlineResources = [new InlineResource("logo", Png, "image/png", "logo.png")],
            Headers = new Dictionary<string, string> { ["X-Campaign"] = "spring" },
            Tags = ["receipt", "march"],
            Metadata = new Dictionary<string, string> { ["order_id"] = "1042", ["note"] = "Grüße" },
            MessageId = "receipt-1042@shop.example",
        };

        var result = await transport.SendAsync(message, Timeout());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/{Domain}/messages", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"api:{ApiKey}")), request.Header("Authorization"));
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);

        var parts = await ParseFormAsync(request);
        string[] Values(string name) => parts.Where(p => p.Name == name).Select(p => p.Text).ToArray();
        Assert.Equal(["\"Shop\" <shop@mg.shop.example>"], Values("from"));
        Assert.Equal(["\"Smith, Ann\" <ann@example.com>", "bob@example.com"], Values("to"));
        Assert.Equal(["carol@example.com"], Values("cc"));
        Assert.Equal(["audit@shop.example"], Values("bcc"));
        Assert.Equal(["Your receipt #1042 – Grüße"], Values("subject"));
        Assert.Equal(["Thanks!"], Values("text"));
        Assert.Equal([message.HtmlBody], Values("html"));
        Assert.Equal(["support@shop.example"], Values("h:Reply-To"));
        Assert.Equal(["<receipt-1042@shop.example>"], Values("h:Message-Id"));
        Assert.Equal(["spring"], Values("h:X-Campaign"));
        Assert.Equal(["receipt", "march"], Values("o:tag"));
        Assert.Equal(["1042"], Values("v:order_id"));
        Assert.Equal(["Grüße"], Values("v:note"));
        Assert.Equal(["receipt-1042@shop.example"], Values("v:" + MailEvent.MessageIdMetadataKey));

        var attachment = Assert.Single(parts, p => p.Name == "attachment");
        Assert.Equal("invoice.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(Pdf, attachment.Body);
        var inline = Assert.Single(parts, p => p.Name == "inline");
        Assert.Equal("logo", inline.FileName);
        Assert.Equal("image/png", inline.ContentType);
        Assert.Equal(Png, inline.Body);

        Assert.Equal("20111114174239.25659.5817@samples.mailgun.org", result.ProviderMessageId);
        Assert.Equal("receipt-1042@shop.example", result.MessageId);
        Assert.Equal("mailgun", result.TransportName);
        Assert.Equal(
            ["ann@example.com", "bob@example.com", "carol@example.com", "audit@shop.example"],
            result.AcceptedRecipients.Select(a => a.Address));
    }

    [Fact]
    public async Task AnHtmlOnlyMessage_GetsATextPartDerivedFromTheHtml()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var html = "<h1>Welcome</h1><p>Read the <a href=\"https://shop.example/guide\">guide</a>.</p>";

        await transport.SendAsync(Message() with { HtmlBody = html, TextBody = null }, Timeout());

        var parts = await ParseFormAsync(Assert.Single(server.Requests));
        Assert.Equal(HtmlToTextConverter.Convert(html), Assert.Single(parts, p => p.Name == "text").Text);
    }

    [Fact]
    public async Task APlainMessage_SendsNoOptionalFields_AndAGeneratedMessageId_AlsoAsAVariableForEvents()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);

        var result = await transport.SendAsync(Message() with { HtmlBody = null }, Timeout());

        var parts = await ParseFormAsync(Assert.Single(server.Requests));
        Assert.Equal(["from", "to", "subject", "text", "h:Message-Id", "v:mailing_message_id"], parts.Select(p => p.Name));
        Assert.Equal($"<{result.MessageId}>", parts.Single(p => p.Name == "h:Message-Id").Text);

        // Mailgun returns v: variables as user-variables in every webhook, so the event can report SendResult.MessageId.
        Assert.Equal(result.MessageId, parts.Single(p => p.Name == "v:mailing_message_id").Text);
    }

    [Theory]
    [InlineData(EmailPriority.High, "1 (Highest)", "high", "urgent")]
    [InlineData(EmailPriority.Low, "5 (Lowest)", "low", "non-urgent")]
    public async Task Priority_IsSentAsTheHeadersMailClientsRead(EmailPriority priority, string xPriority, string importance, string priorityHeader)
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);

        await transport.SendAsync(Message() with { Priority = priority }, Timeout());

        var parts = await ParseFormAsync(Assert.Single(server.Requests));
        Assert.Equal(xPriority, parts.Single(p => p.Name == "h:X-Priority").Text);
        Assert.Equal(importance, parts.Single(p => p.Name == "h:Importance").Text);
        Assert.Equal(priorityHeader, parts.Single(p => p.Name == "h:Priority").Text);
    }

    [Fact]
    public async Task AnAttachmentFromAFile_IsReadWhenSent()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var path = Path.Combine(Path.GetTempPath(), $"mailgun-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "file contents");
        try
        {
            await transport.SendAsync(Message() with { Attachments = [EmailAttachment.FromFile(path)] }, Timeout());
        }
        finally
        {
            File.Delete(path);
        }

        var parts = await ParseFormAsync(Assert.Single(server.Requests));
        var attachment = Assert.Single(parts, p => p.Name == "attachment");
        Assert.Equal(Path.GetFileName(path), attachment.FileName);
        Assert.Equal("file contents", attachment.Text);
    }

    [Theory]
    [InlineData(MailgunRegion.Us, "https://api.mailgun.net/v3/mg.shop.example/messages")]
    [InlineData(MailgunRegion.Eu, "https://api.eu.mailgun.net/v3/mg.shop.example/messages")]
    public async Task TheRegion_PicksMailgunsHost(MailgunRegion region, string expected)
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var redirect = new LoopbackRedirectHandler(server.BaseAddress);
        var transport = new MailgunTransport(Options(server.BaseAddress, o => { o.Endpoint = null; o.Region = region; }), new HttpClient(redirect));

        await transport.SendAsync(Message(), Timeout());

        Assert.Equal(new Uri(expected), Assert.Single(redirect.OriginalUris));
        Assert.Single(server.Requests);
    }
}
