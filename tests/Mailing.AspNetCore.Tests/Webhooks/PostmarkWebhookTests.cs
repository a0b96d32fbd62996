using System.Net;
using System.Text;
using Mailing.AspNetCore.Tests.Webhooks.Support;

namespace Mailing.AspNetCore.Tests.Webhooks;

/// <summary>Postmark's webhooks, authenticated with basic auth or a custom header, posted to a real Kestrel server.</summary>
public sealed class PostmarkWebhookTests : IAsyncLifetime
{
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mailing:Webhooks:Postmark:Username"] = PostmarkCredentials.Username,
            ["Mailing:Webhooks:Postmark:Password"] = PostmarkCredentials.Password,
        });

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task TheDocumentedBounceSample_IsAHardBounce_WithItsIdMetadataAndTag_AndSuppressesTheAddress()
    {
        var response = await _server.Client.SendAsync(PostmarkCredentials.Request(Fixture.Read("postmark-bounce.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bounce = Assert.IsType<MailBounced>(Assert.Single(_server.Events.All));
        Assert.Equal(BounceKind.Hard, bounce.Kind);
        Assert.Equal("42", bounce.EventId);
        Assert.Equal("883953f4-6105-42a2-a16a-77a8eac79483", bounce.ProviderMessageId);
        Assert.Equal("john@example.com", bounce.Recipient);
        Assert.Equal(["Test"], bounce.Tags);
        Assert.Equal(new Dictionary<string, string> { ["user_id"] = "43" }, bounce.Metadata);
        Assert.Equal("Test bounce details", bounce.Diagnostic);
        Assert.Equal("HardBounce", bounce.ProviderBounceType);
        Assert.Equal(new DateTimeOffset(2014, 8, 1, 13, 28, 10, TimeSpan.FromHours(-4)).AddTicks(2735393), bounce.Timestamp);
        Assert.Equal(SuppressionReason.HardBounce, (await _server.Suppressions.FindAsync("john@example.com"))?.Reason);
    }

    [Fact]
    public async Task TheDocumentedDeliverySample_WithoutRecordType_IsADelivery_WithTheServersReply()
    {
        var response = await _server.Client.SendAsync(PostmarkCredentials.Request(Fixture.Read("postmark-delivery.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = Assert.IsType<MailDelivered>(Assert.Single(_server.Events.All));
        Assert.Equal("smtp;250 2.0.0 OK 1480624905 l186si10190883ite.73- gsmtp", delivered.SmtpResponse);
        Assert.Equal("recipeint@example.com", delivered.Recipient);
        Assert.Equal("a94dfe84-8ab9-43cf-8a1c-ac234c296e25", delivered.ProviderMessageId);
        Assert.Equal(["Your Tag"], delivered.Tags);

        // No id in Postmark's delivery records: one made of what a retry repeats.
        Assert.Equal("Delivery/a94dfe84-8ab9-43cf-8a1c-ac234c296e25/recipeint@example.com/1480624905000", delivered.EventId);
    }

    [Fact]
    public async Task ASpamComplaint_AndAManualSuppression_AreAComplaintAndAnUnsubscribe()
    {
        await _server.Client.SendAsync(PostmarkCredentials.Request(Fixture.Read("postmark-spam-complaint.json")));
        await _server.Client.SendAsync(PostmarkCredentials.Request(Fixture.Read("postmark-subscription-change.json")));

        Assert.IsType<MailComplained>(_server.Events.All[0]);
        var unsubscribed = Assert.IsType<MailUnsubscribed>(_server.Events.All[1]);
        Assert.Equal("bounced-address@wildbit.com", unsubscribed.Recipient);
        Assert.Equal(SuppressionReason.Complaint, (await _server.Suppressions.FindAsync("john@example.com"))?.Reason);
        Assert.Equal(SuppressionReason.Unsubscribed, (await _server.Suppressions.FindAsync("bounced-address@wildbit.com"))?.Reason);
    }

    [Fact]
    public async Task MissingOrWrongCredentials_AreRefused401_AndNoHandlerRuns()
    {
        var none = await _server.Client.PostAsync("postmark", new StringContent(Fixture.Read("postmark-bounce.json"), Encoding.UTF8, "application/json"));
        var wrong = await _server.Client.SendAsync(PostmarkCredentials.Request(Fixture.Read("postmark-bounce.json"), password: "guess"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Empty(_server.Events.All);
        Assert.Null(await _server.Suppressions.FindAsync("john@example.com"));
        Assert.Contains("MissingSignature", _server.Refusals[0], StringComparison.Ordinal);
        Assert.Contains("WrongCredentials", _server.Refusals[1], StringComparison.Ordinal);
        Assert.DoesNotContain(PostmarkCredentials.Password, string.Join("\n", _server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomHeaderSecret_IsCheckedInsteadOfBasicAuth()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mailing:Webhooks:Postmark:HeaderName"] = "X-Webhook-Secret",
            ["Mailing:Webhooks:Postmark:HeaderValue"] = "s3cr3t-9f1b4e",
        });
        var right = new HttpRequestMessage(HttpMethod.Post, "postmark") { Content = new StringContent(Fixture.Read("postmark-delivery.json")) };
        right.Headers.Add("X-Webhook-Secret", "s3cr3t-9f1b4e");
        var wrong = new HttpRequestMessage(HttpMethod.Post, "postmark") { Content = new StringContent(Fixture.Read("postmark-delivery.json")) };
        wrong.Headers.Add("X-Webhook-Secret", "s3cr3t-9f1b4f");

        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(right)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(wrong)).StatusCode);
        Assert.Single(server.Events.All);
    }

    [Fact]
    public async Task AnAuthenticatedBodyThatIsNotJson_Gets400()
    {
        var response = await _server.Client.SendAsync(PostmarkCredentials.Request("RecordType=Bounce&Email=john@example.com"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_server.Events.All);
        Assert.Contains("MalformedJson", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }
}
