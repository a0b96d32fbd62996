using System.Text;
using System.Text.Json;
using Mailing.Tests.Http.Fixtures;
using static Mailing.Tests.Http.Postmark.PostmarkTestRig;

namespace Mailing.Tests.Http.Postmark;

/// <summary>What reaches Postmark's Email API for a message, checked against the documented request, and what the send reports.</summary>
public sealed class PostmarkRequestTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 invoice");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task AFullMessage_IsPostedToEmail_WithTheServerTokenAndEveryDocumentedField()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server, o => o.MessageStream = "outbound");
        var message = new EmailMessage
        {
            From = "Shop <shop@example.com>",
            To = ["\"Smith, Ann\" <ann@example.com>", "bob@example.com"],
            Cc = ["carol@example.com"],
            Bcc = ["audit@shop.example"],
            ReplyTo = ["support@shop.example"],
            Subject = "Your receipt #1042",
            HtmlBody = "<p>Thanks! <img src=\"cid:logo\"></p>",
            TextBody = "Thanks!",
            Attachments = [new EmailAttachment("invoice.pdf", Pdf, "application/pdf")],
            InlineResources = [new InlineResource("logo", Png, "image/png", "logo.png")],
            Headers = new Dictionary<string, string> { ["X-Campaign"] = "spring" },
            Tags = ["receipt"],
            Metadata = new Dictionary<string, string> { ["order_id"] = "1042", ["note"] = "Grüße" },
            MessageId = "receipt-1042@shop.example",
        };

        var result = await transport.SendAsync(message, Timeout());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/email", request.Path);
        Assert.Equal(ServerToken, request.Header("X-Postmark-Server-Token"));
        Assert.Contains("application/json", request.Header("Accept"), StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var json = request.Json();
        // RFC 5322 display names, quoted the way MimeKit writes them; Postmark parses either form.
        Assert.Equal("\"Shop\" <shop@example.com>", json.GetProperty("From").GetString());
        Assert.Equal("\"Smith, Ann\" <ann@example.com>, bob@example.com", json.GetProperty("To").GetString());
        Assert.Equal("carol@example.com", json.GetProperty("Cc").GetString());
        Assert.Equal("audit@shop.example", json.GetProperty("Bcc").GetString());
        Assert.Equal("support@shop.example", json.GetProperty("ReplyTo").GetString());
        Assert.Equal("Your receipt #1042", json.GetProperty("Subject").GetString());
        Assert.Equal(message.HtmlBody, json.GetProperty("HtmlBody").GetString());
        Assert.Equal("Thanks!", json.GetProperty("TextBody").GetString());
        Assert.Equal("receipt", json.GetProperty("Tag").GetString());
        Assert.Equal("outbound", json.GetProperty("MessageStream").GetString());

        var metadata = json.GetProperty("Metadata");
        Assert.Equal(JsonValueKind.Object, metadata.ValueKind);
        Assert.Equal("1042", metadata.GetProperty("order_id").GetString());
        Assert.Equal("Grüße", metadata.GetProperty("note").GetString());
        Assert.Equal("receipt-1042@shop.example", metadata.GetProperty(MailEvent.MessageIdMetadataKey).GetString());

        var headers = json.GetProperty("Headers").EnumerateArray()
            .ToDictionary(h => h.GetProperty("Name").GetString()!, h => h.GetProperty("Value").GetString());
        Assert.Equal("spring", headers["X-Campaign"]);
        Assert.Equal("<receipt-1042@shop.example>", headers["Message-ID"]);

        var attachments = json.GetProperty("Attachments").EnumerateArray().ToArray();
        Assert.Equal(2, attachments.Length);
        var file = attachments.Single(a => a.GetProperty("Name").GetString() == "invoice.pdf");
        Assert.Equal(Convert.ToBase64String(Pdf), file.GetProperty("Content").GetString());
        Assert.Equal("application/pdf", file.GetProperty("ContentType").GetString());
        Assert.False(file.TryGetProperty("ContentID", out _));
        var inline = attachments.Single(a => a.GetProperty("Name").GetString() == "logo.png");
        Assert.Equal(Convert.ToBase64String(Png), inline.GetProperty("Content").GetString());
        Assert.Equal("image/png", inline.GetProperty("ContentType").GetString());
        Assert.Equal("cid:logo", inline.GetProperty("ContentID").GetString());

        Assert.Equal(SuccessMessageId, result.ProviderMessageId);
        Assert.Equal("receipt-1042@shop.example", result.MessageId);
        Assert.Equal("postmark", result.TransportName);
        Assert.Equal(
            ["ann@example.com", "bob@example.com", "carol@example.com", "audit@shop.example"],
            result.AcceptedRecipients.Select(a => a.Address));
        Assert.Empty(result.RejectedRecipients);
    }

    [Fact]
    public async Task AMinimalMessage_LeavesOutTheFieldsItDoesNotUse_AndGetsAGeneratedMessageId()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);

        var result = await transport.SendAsync(Message(), Timeout());

        var json = Assert.Single(server.Requests).Json();
        foreach (var absent in new[] { "Cc", "Bcc", "ReplyTo", "Attachments", "Tag", "MessageStream" })
        {
            Assert.False(json.TryGetProperty(absent, out _), $"{absent} should be left out");
        }

        // Postmark returns Metadata in every webhook, so the event can report SendResult.MessageId.
        Assert.Equal([MailEvent.MessageIdMetadataKey], json.GetProperty("Metadata").EnumerateObject().Select(p => p.Name));
        Assert.Equal(result.MessageId, json.GetProperty("Metadata").GetProperty(MailEvent.MessageIdMetadataKey).GetString());

        var messageIdHeader = json.GetProperty("Headers").EnumerateArray().Single(h => h.GetProperty("Name").GetString() == "Message-ID");
        Assert.Equal($"<{result.MessageId}>", messageIdHeader.GetProperty("Value").GetString());
        Assert.EndsWith("@example.com", result.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlOnlyMessage_GetsATextBodyDerivedFromTheHtml()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var html = "<h1>Welcome</h1><p>Read the <a href=\"https://shop.example/guide\">guide</a>.</p>";

        await transport.SendAsync(Message() with { HtmlBody = html, TextBody = null }, Timeout());

        var json = Assert.Single(server.Requests).Json();
        Assert.Equal(HtmlToTextConverter.Convert(html), json.GetProperty("TextBody").GetString());
        Assert.Contains("https://shop.example/guide", json.GetProperty("TextBody").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailPriority.High, "1 (Highest)", "high", "urgent")]
    [InlineData(EmailPriority.Low, "5 (Lowest)", "low", "non-urgent")]
    public async Task Priority_IsSentAsTheHeadersMailClientsRead(EmailPriority priority, string xPriority, string importance, string priorityHeader)
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);

        await transport.SendAsync(Message() with { Priority = priority }, Timeout());

        var headers = Assert.Single(server.Requests).Json().GetProperty("Headers").EnumerateArray()
            .ToDictionary(h => h.GetProperty("Name").GetString()!, h => h.GetProperty("Value").GetString());
        Assert.Equal(xPriority, headers["X-Priority"]);
        Assert.Equal(importance, headers["Importance"]);
        Assert.Equal(priorityHeader, headers["Priority"]);
    }

    [Fact]
    public async Task AnEndpointWithAPath_KeepsThePath()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = new Mailing.Transports.Http.Postmark.PostmarkTransport(Options(new Uri(server.BaseAddress, "proxy/postmark")), new HttpClient());

        await transport.SendAsync(Message(), Timeout());

        Assert.Equal("/proxy/postmark/email", Assert.Single(server.Requests).Path);
    }
}
