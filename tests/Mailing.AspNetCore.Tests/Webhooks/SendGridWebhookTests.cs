using System.Net;
using Mailing.AspNetCore.Tests.Webhooks.Support;

namespace Mailing.AspNetCore.Tests.Webhooks;

/// <summary>SendGrid's signed Event Webhook, posted to a real Kestrel server with keys generated here.</summary>
public sealed class SendGridWebhookTests : IAsyncLifetime
{
    private readonly SendGridSigner _signer = new();
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Mailing:Webhooks:SendGrid:PublicKey"] = _signer.PublicKey });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _signer.Dispose();
    }

    [Fact]
    public async Task TheDocumentedSampleBatch_BecomesOneTypedEventPerItem_InOrder()
    {
        var body = Fixture.Read("sendgrid-event-reference.json");

        var response = await _server.Client.SendAsync(_signer.Request(body, _server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = _server.Events.All;
        Assert.Equal(
            ["UnknownMailEvent", "MailDeferred", "MailDelivered", "MailOpened", "MailClicked", "MailBounced", "MailDropped", "MailComplained", "MailUnsubscribed", "MailUnsubscribed", "UnknownMailEvent"],
            events.Select(e => e.GetType().Name));
        Assert.All(events, e =>
        {
            Assert.Equal("sendgrid", e.Provider);
            Assert.Equal("example@test.com", e.Recipient);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1513299569), e.Timestamp);
            Assert.Equal(["cat facts"], e.Tags);
            Assert.Equal("sg_event_id", e.EventId);
            Assert.Empty(e.Metadata);
        });

        Assert.Equal("processed", ((UnknownMailEvent)events[0]).ProviderEventType);
        var deferred = (MailDeferred)events[1];
        Assert.Equal((400, 5, "400 try again later"), (deferred.SmtpStatusCode!.Value, deferred.Attempt!.Value, deferred.Diagnostic));
        Assert.Equal("250 OK", ((MailDelivered)events[2]).SmtpResponse);
        Assert.StartsWith("Mozilla/4.0", ((MailOpened)events[3]).UserAgent, StringComparison.Ordinal);
        Assert.Equal("http://www.sendgrid.com/", ((MailClicked)events[4]).Url);
        var bounce = (MailBounced)events[5];
        Assert.Equal((BounceKind.Hard, 500, "5.0.0", "500 unknown recipient"), (bounce.Kind, bounce.SmtpStatusCode!.Value, bounce.EnhancedStatusCode, bounce.Diagnostic));
        Assert.Equal("Bounced Address", ((MailDropped)events[6]).Reason);
        Assert.Equal("group_resubscribe", ((UnknownMailEvent)events[10]).ProviderEventType);
        Assert.Contains("\"asm_group_id\": 10", events[10].RawJson, StringComparison.Ordinal);

        // The bounce came first, so the address is suppressed as a hard bounce, not as the later unsubscribe.
        Assert.Equal(SuppressionReason.HardBounce, (await _server.Suppressions.FindAsync("example@test.com"))?.Reason);
    }

    [Fact]
    public async Task CustomArgs_BecomeMetadata_AndMailingsMessageId_AndSendGridsIdIsTheOneReturnedAtSendTime()
    {
        var body = """
            [{"email":"ann@example.com","timestamp":1513299569,"event":"delivered","sg_event_id":"ZGVsaXZlcmVk","sg_message_id":"W86EgYT6SQKk0lRflfLRsA.filterdrecv-5645d9c87f-78xgx-1-5F6F7D67-5E.0","category":["receipt"],"order_id":"1042","mailing_message_id":"abc.123@shop.example","response":"250 2.0.0 OK"}]
            """;

        var response = await _server.Client.SendAsync(_signer.Request(body, _server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = Assert.IsType<MailDelivered>(Assert.Single(_server.Events.All));
        Assert.Equal("abc.123@shop.example", delivered.MessageId);
        Assert.Equal("W86EgYT6SQKk0lRflfLRsA", delivered.ProviderMessageId);
        Assert.Equal(new Dictionary<string, string> { ["order_id"] = "1042" }, delivered.Metadata);
        Assert.Equal(["receipt"], delivered.Tags);
    }

    [Fact]
    public async Task TheSecondDocumentedBatch_KeepsUniqueArgsAndAnAddressThatIsNotOne()
    {
        var response = await _server.Client.SendAsync(_signer.Request(Fixture.Read("sendgrid-batch-with-custom-args.json"), _server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = _server.Events.All;
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(new Dictionary<string, string> { ["id"] = "001", ["purchase"] = "PO1452297845", ["uid"] = "123456" }, e.Metadata));
        Assert.Equal("142d9f3f351.7618.254f56", events[0].ProviderMessageId);
        var dropped = Assert.IsType<MailDropped>(events[1]);
        Assert.Equal("not an email address", dropped.Recipient);
        Assert.Equal("Invalid", dropped.Reason);
        Assert.Equal(["category1", "category2", "category3"], dropped.Tags);
        Assert.False(string.IsNullOrEmpty(dropped.EventId));
    }

    [Fact]
    public async Task ATamperedBody_IsRefused401_NoHandlerRuns_AndTheLogSaysWhy()
    {
        var body = Fixture.Read("sendgrid-event-reference.json");

        var response = await _server.Client.SendAsync(_signer.Request(body, _server.Time.GetUtcNow(), bodySent: body.Replace("example@test.com", "victim@example.com", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The request could not be verified.", await response.Content.ReadAsStringAsync());
        Assert.Empty(_server.Events.All);
        Assert.Null(await _server.Suppressions.FindAsync("victim@example.com"));
        var line = Assert.Single(_server.Refusals);
        Assert.Contains("WrongSignature", line, StringComparison.Ordinal);
        Assert.Contains("does not match the body", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestSignedWithAnotherKey_IsRefused401()
    {
        using var stranger = new SendGridSigner();

        var response = await _server.Client.SendAsync(stranger.Request(Fixture.Read("sendgrid-event-reference.json"), _server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_server.Events.All);
    }

    [Fact]
    public async Task AnUnsignedRequest_IsRefused401_NamingTheMissingHeaders()
    {
        var response = await _server.Client.PostAsync("sendgrid", new StringContent("[]"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("MissingSignature", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task ATimestampMoreThanFiveMinutesAway_IsRefusedAsStale(int minutes)
    {
        var request = _signer.Request(Fixture.Read("sendgrid-event-reference.json"), _server.Time.GetUtcNow().AddMinutes(minutes));

        var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_server.Events.All);
        Assert.Contains("StaleTimestamp", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameSignedRequestSentTwice_IsRefusedTheSecondTime_EvenWithItsSignatureRewritten()
    {
        var body = Fixture.Read("sendgrid-event-reference.json");
        var signedAt = _server.Time.GetUtcNow();
        var captured = _signer.Request(body, signedAt);
        var copy = _signer.Request(body, signedAt);
        copy.Headers.Remove("X-Twilio-Email-Event-Webhook-Signature");
        copy.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", captured.Headers.GetValues("X-Twilio-Email-Event-Webhook-Signature"));

        var first = await _server.Client.SendAsync(captured);
        _server.Time.Advance(TimeSpan.FromMinutes(1));
        var replay = await _server.Client.SendAsync(copy);

        // Another valid signature of the same timestamp and body (ECDSA signatures are not unique) is no way around it.
        var resigned = await _server.Client.SendAsync(_signer.Request(body, signedAt));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, resigned.StatusCode);
        Assert.Equal(11, _server.Events.All.Count);
        Assert.All(_server.Refusals, line => Assert.Contains("Replayed", line, StringComparison.Ordinal));
        Assert.Equal(2, _server.Refusals.Count);
    }

    [Fact]
    public async Task AFailingHandler_Gets500_NotAnExceptionPage_AndTheSameRequestIsAcceptedWhenSentAgain()
    {
        var body = Fixture.Read("sendgrid-event-reference.json");
        var signedAt = _server.Time.GetUtcNow();
        _server.Events.FailNext = 1;

        var failed = await _server.Client.SendAsync(_signer.Request(body, signedAt));
        var retried = await _server.Client.SendAsync(_signer.Request(body, signedAt));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("An event handler failed; send the request again later.", await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(11, _server.Events.All.Count);
        var error = Assert.Single(_server.LogLines(), l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("sg_event_id", error.Message, StringComparison.Ordinal);
        Assert.Equal("The database is down.", error.Exception?.Message);
    }

    [Fact]
    public async Task ASignedBodyThatIsNotJson_Gets400_AndNoHandlerRuns()
    {
        var response = await _server.Client.SendAsync(_signer.Request("[{\"event\": \"delivered\",", _server.Time.GetUtcNow()));
        var notEvents = await _server.Client.SendAsync(_signer.Request("\"delivered\"", _server.Time.GetUtcNow().AddSeconds(1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notEvents.StatusCode);
        Assert.Empty(_server.Events.All);
        var lines = _server.Refusals;
        Assert.Contains("MalformedJson", lines[0], StringComparison.Ordinal);
        Assert.Contains("NotEvents", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Gets413_BeforeItsSignatureIsEvenChecked()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mailing:Webhooks:SendGrid:PublicKey"] = _signer.PublicKeyPem,
            ["Mailing:Webhooks:MaxBodyBytes"] = "1024",
        });
        var body = "[" + string.Join(",", Enumerable.Repeat(Fixture.Read("sendgrid-event-reference.json").Trim()[1..^1], 4)) + "]";

        var response = await server.Client.SendAsync(_signer.Request(body, server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.Events.All);
        Assert.Contains("BodyTooLarge", Assert.Single(server.Refusals), StringComparison.Ordinal);
    }
}
