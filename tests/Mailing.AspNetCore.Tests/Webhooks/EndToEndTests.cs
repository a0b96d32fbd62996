using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mailing.AspNetCore.Tests.Webhooks.Support;
using Microsoft.AspNetCore.Http;

namespace Mailing.AspNetCore.Tests.Webhooks;

/// <summary>
/// A message sent, the provider's event about it posted back to the webhook, and what the app sees: the event carries the
/// id the send returned, and the next message to a bounced address is withheld and reported.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task SendThenBounce_TheNextSendToThatAddressIsWithheld_AndReported()
    {
        using var signer = new SendGridSigner();
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Mailing:Webhooks:SendGrid:PublicKey"] = signer.PublicKey });
        var first = await server.Mailer.SendAsync(new EmailMessage { To = ["Ann <ann@example.com>"], Subject = "Welcome", TextBody = "Hello" });
        Assert.True(first.WasSent);

        // What SendGrid posts when that message bounces: custom_args (with Mailing's Message-Id) merged into the event.
        var bounce = $$"""
            [{"email":"ann@example.com","timestamp":{{server.Time.GetUtcNow().ToUnixTimeSeconds()}},"event":"bounce","type":"bounce",
              "reason":"550 5.1.1 The email account that you tried to reach does not exist","status":"5.1.1",
              "sg_event_id":"Ym91bmNlLTE","sg_message_id":"X1.filter0001.0","mailing_message_id":"{{first.MessageId}}"}]
            """;
        var posted = await server.Client.SendAsync(signer.Request(bounce, server.Time.GetUtcNow()));
        var second = await server.Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "Your receipt", TextBody = "Thanks" });
        var newsletter = await server.Mailer.SendManyAsync([new EmailMessage { To = ["ANN@example.com", "bob@example.com"], Subject = "News", TextBody = "News", Kind = EmailKind.Bulk, Unsubscribe = new("https://shop.example/unsubscribe?token=t") }]);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var bounced = Assert.IsType<MailBounced>(Assert.Single(server.Events.All));
        Assert.Equal(first.MessageId, bounced.MessageId);
        Assert.Equal((550, "5.1.1"), (bounced.SmtpStatusCode!.Value, bounced.EnhancedStatusCode));

        Assert.False(second.WasSent);
        Assert.StartsWith("every recipient is on the suppression list (hard bounce: 1)", second.VetoReason, StringComparison.Ordinal);
        var withheld = Assert.Single(second.RejectedRecipients);
        Assert.Equal("ann@example.com", withheld.Recipient.Address);
        Assert.Equal(SuppressionReason.HardBounce, withheld.Suppression?.Reason);
        Assert.Equal("sendgrid bounce event Ym91bmNlLTE", withheld.Suppression?.Source);

        var bulk = Assert.Single(newsletter).Result!;
        Assert.True(bulk.WasSent);
        Assert.Equal("ANN@example.com", Assert.Single(bulk.RejectedRecipients).Recipient.Address);
        Assert.Equal(["Welcome", "News"], server.Mail.Sent.Select(s => s.Subject));
        Assert.Equal(["bob@example.com"], server.Mail.Sent[1].Recipients.Select(r => r.Address));
    }

    public static TheoryData<string> Providers => new() { "sendgrid", "postmark", "mailgun" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AMessageSentThroughTheProvidersApi_ComesBackInItsEvents_WithBothIdsTheSendReturned(string provider)
    {
        string? sentMetadata = null;
        await using var api = await FakeProviderApi.StartAsync(async context => sentMetadata = await AcceptAsync(provider, context));
        using var sendGrid = new SendGridSigner();
        var mailgunKey = "key-e2e-signing";
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mailing:Transport"] = provider switch
            {
                "sendgrid" => $"sendgrid+api://SG.key@default?endpoint={api.BaseAddress}",
                "postmark" => $"postmark+api://server-token@default?endpoint={api.BaseAddress}",
                _ => $"mailgun+api://key-api:mg.shop.example@default?endpoint={api.BaseAddress}",
            },
            ["Mailing:Webhooks:SendGrid:PublicKey"] = sendGrid.PublicKey,
            ["Mailing:Webhooks:Mailgun:SigningKey"] = mailgunKey,
            ["Mailing:Webhooks:Postmark:Username"] = PostmarkCredentials.Username,
            ["Mailing:Webhooks:Postmark:Password"] = PostmarkCredentials.Password,
        });

        var sent = await server.Mailer.SendAsync(new EmailMessage
        {
            To = ["ann@example.com"], Subject = "Receipt", TextBody = "Thanks", Tags = ["receipt"],
            Metadata = new Dictionary<string, string> { ["order_id"] = "1042" },
        });

        // The event the provider would post for that message, built from what its API received.
        var metadata = JsonNode.Parse(sentMetadata!)!.AsObject();
        var now = server.Time.GetUtcNow();
        var request = provider switch
        {
            "sendgrid" => sendGrid.Request(new JsonArray(Merge(new JsonObject
            {
                ["email"] = "ann@example.com", ["timestamp"] = now.ToUnixTimeSeconds(), ["event"] = "delivered", ["sg_event_id"] = "ZDE",
                ["sg_message_id"] = sent.ProviderMessageId + ".filterdrecv-5645d9c87f-78xgx-1-5F6F7D67-5E.0", ["category"] = new JsonArray("receipt"),
            }, metadata)).ToJsonString(), now),
            "postmark" => PostmarkCredentials.Request(new JsonObject
            {
                ["RecordType"] = "Delivery", ["MessageID"] = sent.ProviderMessageId, ["Recipient"] = "ann@example.com", ["Tag"] = "receipt",
                ["DeliveredAt"] = now.ToString("O", CultureInfo.InvariantCulture), ["Details"] = "smtp;250 2.0.0 OK", ["Metadata"] = metadata,
            }.ToJsonString()),
            _ => MailgunSigner.Request(new MailgunSigner(mailgunKey).Sign(new JsonObject
            {
                ["signature"] = new JsonObject { ["timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ["token"] = "t0k3n" },
                ["event-data"] = new JsonObject
                {
                    ["event"] = "delivered", ["id"] = "ev1", ["timestamp"] = now.ToUnixTimeSeconds(), ["recipient"] = "ann@example.com",
                    ["message"] = new JsonObject { ["headers"] = new JsonObject { ["message-id"] = sent.ProviderMessageId } },
                    ["delivery-status"] = new JsonObject { ["code"] = 250, ["message"] = "OK" },
                    ["tags"] = new JsonArray("receipt"), ["user-variables"] = metadata,
                },
            }.ToJsonString())),
        };
        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = Assert.IsType<MailDelivered>(Assert.Single(server.Events.All));
        Assert.Equal(sent.MessageId, delivered.MessageId);
        Assert.Equal(sent.ProviderMessageId, delivered.ProviderMessageId);
        Assert.Equal(new Dictionary<string, string> { ["order_id"] = "1042" }, delivered.Metadata);
        Assert.Equal(["receipt"], delivered.Tags);
    }

    /// <summary>Answers the send as the provider does and returns the metadata the request carried, as JSON.</summary>
    private static async Task<string> AcceptAsync(string provider, HttpContext context)
    {
        switch (provider)
        {
            case "sendgrid":
                var sendGrid = await JsonDocument.ParseAsync(context.Request.Body);
                context.Response.StatusCode = 202;
                context.Response.Headers["X-Message-Id"] = "W86EgYT6SQKk0lRflfLRsA";
                return sendGrid.RootElement.GetProperty("custom_args").GetRawText();
            case "postmark":
                var postmark = await JsonDocument.ParseAsync(context.Request.Body);
                await context.Response.WriteAsJsonAsync(new { ErrorCode = 0, Message = "OK", MessageID = "b7bc2f4a-e38e-4336-af7d-e6c392c2f817", To = "ann@example.com" });
                return postmark.RootElement.GetProperty("Metadata").GetRawText();
            default:
                var form = await context.Request.ReadFormAsync();
                await context.Response.WriteAsJsonAsync(new { id = "<20240501100000.1.ABCDEF@mg.shop.example>", message = "Queued. Thank you." });
                return JsonSerializer.Serialize(form.Where(f => f.Key.StartsWith("v:", StringComparison.Ordinal)).ToDictionary(f => f.Key[2..], f => f.Value.ToString()));
        }
    }

    private static JsonObject Merge(JsonObject target, JsonObject extra)
    {
        foreach (var (key, value) in extra)
        {
            target[key] = value?.DeepClone();
        }

        return target;
    }
}
