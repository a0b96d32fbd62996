using System.Text;
using System.Text.Json;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.SendGrid;
using static Mailing.Tests.Http.SendGrid.SendGridTestRig;

namespace Mailing.Tests.Http.SendGrid;

/// <summary>
/// What reaches SendGrid is the v3 mail send exactly as its reference describes it
/// (https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send), read on a real loopback server.
/// </summary>
public sealed class SendGridRequestTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 invoice 1042");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01];

    [Fact]
    public async Task AFullMessage_IsPostedToV3MailSend_WithTheBearerKey_AsDocumentedJson()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var message = Message() with
        {
            Cc = [new EmailAddress("bob@example.com", "Bob")],
            Bcc = [new EmailAddress("audit@example.com")],
            ReplyTo = [new EmailAddress("help@example.com", "Help desk"), new EmailAddress("orders@example.com")],
            HtmlBody = "<p>Thanks <img src=\"cid:logo\"></p>",
            TextBody = "Thanks",
            Attachments = [new EmailAttachment("invoice.pdf", Pdf, "application/pdf")],
            InlineResources = [new InlineResource("logo", Png, "image/png", "logo.png")],
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://shop.example/unsubscribe/42>" },
            Tags = ["receipt", "orders"],
            Metadata = new Dictionary<string, string> { ["order_id"] = "1042", ["customer"] = "Zoë" },
            Priority = EmailPriority.High,
            MessageId = "order-1042@example.com",
        };

        await transport.SendAsync(message, Timeout());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var json = request.Json();
        var personalization = Assert.Single(json.GetProperty("personalizations").EnumerateArray());
        Assert.Equal([("ann@example.com", "Ann Smith")], Addresses(personalization.GetProperty("to")));
        Assert.Equal([("bob@example.com", "Bob")], Addresses(personalization.GetProperty("cc")));
        Assert.Equal([("audit@example.com", null)], Addresses(personalization.GetProperty("bcc")));
        Assert.Equal(("shop@example.com", "Example Shop"), Address(json.GetProperty("from")));
        Assert.Equal([("help@example.com", "Help desk"), ("orders@example.com", null)], Addresses(json.GetProperty("reply_to_list")));
        Assert.False(json.TryGetProperty("reply_to", out _), "reply_to and reply_to_list are mutually exclusive");
        Assert.Equal("Your order 1042", json.GetProperty("subject").GetString());

        Assert.Equal(
            [("text/plain", "Thanks"), ("text/html", "<p>Thanks <img src=\"cid:logo\"></p>")],
            json.GetProperty("content").EnumerateArray().Select(c => (c.GetProperty("type").GetString(), c.GetProperty("value").GetString())));

        var attachments = json.GetProperty("attachments").EnumerateArray().ToArray();
        Assert.Equal(2, attachments.Length);
        Assert.Equal(Pdf, Convert.FromBase64String(attachments[0].GetProperty("content").GetString()!));
        Assert.Equal("invoice.pdf", attachments[0].GetProperty("filename").GetString());
        Assert.Equal("application/pdf", attachments[0].GetProperty("type").GetString());
        Assert.Equal("attachment", attachments[0].GetProperty("disposition").GetString());
        Assert.False(attachments[0].TryGetProperty("content_id", out _));
        Assert.Equal(Png, Convert.FromBase64String(attachments[1].GetProperty("content").GetString()!));
        Assert.Equal("logo.png", attachments[1].GetProperty("filename").GetString());
        Assert.Equal("image/png", attachments[1].GetProperty("type").GetString());
        Assert.Equal("inline", attachments[1].GetProperty("disposition").GetString());
        Assert.Equal("logo", attachments[1].GetProperty("content_id").GetString());

        var headers = json.GetProperty("headers");
        Assert.Equal("<https://shop.example/unsubscribe/42>", headers.GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("<order-1042@example.com>", headers.GetProperty("Message-ID").GetString());
        Assert.Equal("high", headers.GetProperty("Importance").GetString());
        Assert.Equal("1 (Highest)", headers.GetProperty("X-Priority").GetString());

        Assert.Equal(["receipt", "orders"], json.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var customArgs = json.GetProperty("custom_args");
        Assert.Equal("1042", customArgs.GetProperty("order_id").GetString());
        Assert.Equal("Zoë", customArgs.GetProperty("customer").GetString());
        Assert.Equal("order-1042@example.com", customArgs.GetProperty(MailEvent.MessageIdMetadataKey).GetString());
    }

    [Fact]
    public async Task TheDocumentedSuccess_BecomesAResult_WithSendGridsIdFromTheHeader()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted("14c5d75ce93.dfd.64b469.filter-0001"));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var message = Message() with { Cc = [new EmailAddress("bob@example.com")], Bcc = [new EmailAddress("ANN@example.com")] };

        var result = await transport.SendAsync(message, Timeout());

        Assert.Equal("14c5d75ce93.dfd.64b469.filter-0001", result.ProviderMessageId);
        Assert.Equal(SendGridTransport.DefaultName, result.TransportName);
        Assert.Equal(["ann@example.com", "bob@example.com"], result.AcceptedRecipients.Select(a => a.Address));
        Assert.Empty(result.RejectedRecipients);
        var sentId = server.Requests[0].Json().GetProperty("headers").GetProperty("Message-ID").GetString();
        Assert.Equal($"<{result.MessageId}>", sentId);
    }

    [Fact]
    public async Task OneReplyTo_IsSentAsReplyTo()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message() with { ReplyTo = [new EmailAddress("help@example.com", "Help")] }, Timeout());

        var json = server.Requests[0].Json();
        Assert.Equal(("help@example.com", "Help"), Address(json.GetProperty("reply_to")));
        Assert.False(json.TryGetProperty("reply_to_list", out _));
    }

    [Fact]
    public async Task WithoutATextBody_TheTextIsDerivedFromTheHtml_AndSentFirst()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message() with { TextBody = null, HtmlBody = "<h1>Hello</h1><p>Your <a href=\"https://shop.example/o/1\">order</a> shipped.</p>" }, Timeout());

        var content = server.Requests[0].Json().GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        var text = content[0].GetProperty("value").GetString()!;
        Assert.Contains("Hello", text, StringComparison.Ordinal);
        Assert.Contains("order (https://shop.example/o/1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainTextMessage_HasOnlyTheTextPart_AndNoOptionalFields_ButTheMessageIdForEvents()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var result = await transport.SendAsync(Message() with { HtmlBody = null }, Timeout());

        var json = server.Requests[0].Json();
        Assert.Equal(["text/plain"], json.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        foreach (var absent in new[] { "attachments", "categories", "reply_to", "reply_to_list" })
        {
            Assert.False(json.TryGetProperty(absent, out _), $"{absent} should be left out when empty");
        }

        // SendGrid merges custom_args into every event, so the webhook can report SendResult.MessageId.
        var customArgs = json.GetProperty("custom_args");
        Assert.Equal([MailEvent.MessageIdMetadataKey], customArgs.EnumerateObject().Select(p => p.Name));
        Assert.Equal(result.MessageId, customArgs.GetProperty(MailEvent.MessageIdMetadataKey).GetString());

        var personalization = json.GetProperty("personalizations")[0];
        Assert.False(personalization.TryGetProperty("cc", out _));
        Assert.False(personalization.TryGetProperty("bcc", out _));
    }

    [Fact]
    public async Task AnAddressInToCcAndBcc_IsSentOnce_WhereItFirstAppears()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var message = Message() with
        {
            Cc = [new EmailAddress("Ann@Example.com"), new EmailAddress("bob@example.com")],
            Bcc = [new EmailAddress("bob@example.com"), new EmailAddress("audit@example.com")],
        };

        await transport.SendAsync(message, Timeout());

        var personalization = server.Requests[0].Json().GetProperty("personalizations")[0];
        Assert.Equal(["ann@example.com"], Addresses(personalization.GetProperty("to")).Select(a => a.Email));
        Assert.Equal(["bob@example.com"], Addresses(personalization.GetProperty("cc")).Select(a => a.Email));
        Assert.Equal(["audit@example.com"], Addresses(personalization.GetProperty("bcc")).Select(a => a.Email));
    }

    [Fact]
    public async Task AFileAttachment_IsReadWhenTheMessageIsSent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailing-sendgrid-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "first version");
        try
        {
            await using var server = await LoopbackHttpServer.StartAsync(Accepted());
            using var client = new HttpClient();
            var transport = TransportFor(server, client);
            var message = Message() with { Attachments = [EmailAttachment.FromFile(path)] };
            await File.WriteAllTextAsync(path, "second version");

            await transport.SendAsync(message, Timeout());

            var attachment = server.Requests[0].Json().GetProperty("attachments")[0];
            Assert.Equal("second version", Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!)));
            Assert.Equal("text/plain", attachment.GetProperty("type").GetString());
            Assert.Equal(Path.GetFileName(path), attachment.GetProperty("filename").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnAttachmentFileThatNoLongerExists_FailsBeforeAnyRequest_AsOverSmtp()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailing-sendgrid-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "%PDF");
        var message = Message() with { Attachments = [EmailAttachment.FromFile(path)] };
        File.Delete(path);
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await Assert.ThrowsAsync<FileNotFoundException>(() => transport.SendAsync(message, Timeout()));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AnInternationalSenderDomain_IsSentAsPunycode()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message() with { From = new EmailAddress("shop@bücher.example", "Bücher") }, Timeout());

        Assert.Equal(("shop@xn--bcher-kva.example", "Bücher"), Address(server.Requests[0].Json().GetProperty("from")));
    }

    [Fact]
    public async Task ARepeatedTag_IsSentAsOneCategory()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message() with { Tags = ["receipt", "receipt", "orders"] }, Timeout());

        Assert.Equal(["receipt", "orders"], server.Requests[0].Json().GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    private static (string? Email, string? Name) Address(JsonElement address) =>
        (address.GetProperty("email").GetString(), address.TryGetProperty("name", out var name) ? name.GetString() : null);

    private static IEnumerable<(string? Email, string? Name)> Addresses(JsonElement addresses) =>
        addresses.EnumerateArray().Select(Address).ToArray();
}
