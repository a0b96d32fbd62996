using System.Text;
using System.Text.Json;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Resend;
using static Mailing.Tests.Http.Resend.ResendTestRig;

namespace Mailing.Tests.Http.Resend;

/// <summary>
/// What reaches Resend is its send email exactly as the reference describes it
/// (https://resend.com/docs/api-reference/emails/send-email), read on a real loopback server.
/// </summary>
public sealed class ResendRequestTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 invoice 1042");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01];

    [Fact]
    public async Task AFullMessage_IsPostedToEmails_WithTheBearerKeyAndIdempotencyKey_AsDocumentedJson()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var message = Message() with
        {
            Cc = [new EmailAddress("bob@example.com", "Bob")],
            Bcc = [new EmailAddress("audit@example.com")],
            ReplyTo = [new EmailAddress("help@example.com", "Smith, Help desk"), new EmailAddress("orders@example.com")],
            HtmlBody = "<p>Thanks <img src=\"cid:logo\"></p>",
            TextBody = "Thanks",
            Attachments = [new EmailAttachment("invoice.pdf", Pdf, "application/pdf")],
            InlineResources = [new InlineResource("logo", Png, "image/png", "logo.png")],
            Headers = new Dictionary<string, string> { ["X-Entity-Ref-ID"] = "123456789" },
            Tags = ["receipt"],
            Metadata = new Dictionary<string, string> { ["order_id"] = "1042" },
            Priority = EmailPriority.Low,
            IdempotencyKey = "order-confirmation/1042",
        };

        await transport.SendAsync(message, Timeout());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emails", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.Equal("order-confirmation/1042", request.Header("Idempotency-Key"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var json = request.Json();
        Assert.Equal("Example Shop <shop@example.com>", json.GetProperty("from").GetString());
        Assert.Equal(["Ann Smith <ann@example.com>"], Strings(json.GetProperty("to")));
        Assert.Equal(["Bob <bob@example.com>"], Strings(json.GetProperty("cc")));
        Assert.Equal(["audit@example.com"], Strings(json.GetProperty("bcc")));
        Assert.Equal(["\"Smith, Help desk\" <help@example.com>", "orders@example.com"], Strings(json.GetProperty("reply_to")));
        Assert.Equal("Your order 1042", json.GetProperty("subject").GetString());
        Assert.Equal("<p>Thanks <img src=\"cid:logo\"></p>", json.GetProperty("html").GetString());
        Assert.Equal("Thanks", json.GetProperty("text").GetString());

        var attachments = json.GetProperty("attachments").EnumerateArray().ToArray();
        Assert.Equal(2, attachments.Length);
        Assert.Equal(Pdf, Convert.FromBase64String(attachments[0].GetProperty("content").GetString()!));
        Assert.Equal("invoice.pdf", attachments[0].GetProperty("filename").GetString());
        Assert.Equal("application/pdf", attachments[0].GetProperty("content_type").GetString());
        Assert.False(attachments[0].TryGetProperty("content_id", out _));
        Assert.Equal(Png, Convert.FromBase64String(attachments[1].GetProperty("content").GetString()!));
        Assert.Equal("logo.png", attachments[1].GetProperty("filename").GetString());
        Assert.Equal("image/png", attachments[1].GetProperty("content_type").GetString());
        Assert.Equal("logo", attachments[1].GetProperty("content_id").GetString());

        var headers = json.GetProperty("headers");
        Assert.Equal("123456789", headers.GetProperty("X-Entity-Ref-ID").GetString());
        Assert.Equal("low", headers.GetProperty("Importance").GetString());
        Assert.Equal("5 (Lowest)", headers.GetProperty("X-Priority").GetString());
        Assert.False(headers.TryGetProperty("Message-ID", out _), "Resend assigns the Message-Id itself");

        Assert.Equal(
            [("receipt", "true"), ("order_id", "1042")],
            json.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("value").GetString())));
    }

    [Fact]
    public async Task TheDocumentedSuccess_BecomesAResult_WithResendsEmailId()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted("4ef9a417-02e9-4d39-ad75-9611e0fcc33c"));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var result = await transport.SendAsync(Message() with { Bcc = [new EmailAddress("audit@example.com")] }, Timeout());

        Assert.Equal("4ef9a417-02e9-4d39-ad75-9611e0fcc33c", result.ProviderMessageId);
        Assert.Equal(ResendTransport.DefaultName, result.TransportName);
        Assert.Equal(["ann@example.com", "audit@example.com"], result.AcceptedRecipients.Select(a => a.Address));
        Assert.EndsWith("@example.com", result.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnIdempotencyKey_NoIdempotencyHeaderIsSent_AndEmptyFieldsAreLeftOut()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message() with { HtmlBody = null }, Timeout());

        var request = server.Requests[0];
        Assert.Null(request.Header("Idempotency-Key"));
        var json = request.Json();
        foreach (var absent in new[] { "cc", "bcc", "reply_to", "html", "headers", "attachments", "tags" })
        {
            Assert.False(json.TryGetProperty(absent, out _), $"{absent} should be left out when empty");
        }
    }

    [Fact]
    public async Task WithoutATextBody_TheTextIsDerivedFromTheHtml()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message() with { TextBody = null, HtmlBody = "<p>Your <a href=\"https://shop.example/o/1\">order</a> shipped.</p>" }, Timeout());

        var text = server.Requests[0].Json().GetProperty("text").GetString()!;
        Assert.Contains("order (https://shop.example/o/1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExplicitlyEmptyText_StaysEmpty_SoResendDoesNotDeriveOne()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message() with { TextBody = "" }, Timeout());

        Assert.Equal("", server.Requests[0].Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task NonAsciiText_IsSentAsUtf8_NotEscaped()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await transport.SendAsync(Message(subject: "Grüße, Zoë") with { To = [new EmailAddress("ann@example.com", "Zoë Müller")] }, Timeout());

        var request = server.Requests[0];
        Assert.Contains("Grüße, Zoë", request.BodyText, StringComparison.Ordinal);
        Assert.Equal(["Zoë Müller <ann@example.com>"], Strings(request.Json().GetProperty("to")));
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToArray();
}
