using System.Net;
using System.Text;
using Mailing.AspNetCore.Tests.Webhooks.Support;

namespace Mailing.AspNetCore.Tests.Webhooks;

/// <summary>Mailgun's signed webhooks (HMAC-SHA256 of timestamp and token), posted to a real Kestrel server.</summary>
public sealed class MailgunWebhookTests : IAsyncLifetime
{
    private const string SigningKey = "key-test-webhook-signing-8c1a";

    // The documented samples were signed at 1529006854 (2018-06-14 20:07:34 UTC); the clock starts there.
    private static readonly DateTimeOffset SampleTime = DateTimeOffset.FromUnixTimeSeconds(1529006854);
    private readonly MailgunSigner _signer = new(SigningKey);
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Mailing:Webhooks:Mailgun:SigningKey"] = SigningKey }, SampleTime);

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task ThePermanentFailureSample_IsAHardBounce_WithTheServersCodes_AndSuppressesTheAddress()
    {
        var response = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-failed-permanent.json"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bounce = Assert.IsType<MailBounced>(Assert.Single(_server.Events.All));
        Assert.Equal(BounceKind.Hard, bounce.Kind);
        Assert.Equal(550, bounce.SmtpStatusCode);
        Assert.Equal("5.1.1", bounce.EnhancedStatusCode);
        Assert.StartsWith("5.1.1 The email account that you tried to reach does not exist", bounce.Diagnostic, StringComparison.Ordinal);
        Assert.Equal("bounce", bounce.ProviderBounceType);
        Assert.Equal("alice@example.com", bounce.Recipient);
        Assert.Equal("G9Bn5sl1TC6nu79C8C0bwg", bounce.EventId);
        Assert.Equal("20130503192659.13651.20287@sandbox.mgsend.net", bounce.ProviderMessageId);
        Assert.Equal(["my_tag_1", "my_tag_2"], bounce.Tags);
        Assert.Equal(new Dictionary<string, string> { ["my_var_1"] = "Mailgun Variable #1", ["my-var-2"] = "awesome" }, bounce.Metadata);
        Assert.Equal(SampleTime.AddTicks(3295740), bounce.Timestamp);
        Assert.Equal(SuppressionReason.HardBounce, (await _server.Suppressions.FindAsync("alice@example.com"))?.Reason);
    }

    [Fact]
    public async Task TheTemporaryFailureSample_IsADeferral_AndSuppressesNothing()
    {
        var response = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-failed-temporary.json"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deferred = Assert.IsType<MailDeferred>(Assert.Single(_server.Events.All));
        Assert.Equal((452, "4.2.2", 1), (deferred.SmtpStatusCode!.Value, deferred.EnhancedStatusCode, deferred.Attempt!.Value));
        Assert.Null(await _server.Suppressions.FindAsync("alice@example.com"));
    }

    [Fact]
    public async Task TheComplaintSample_SuppressesTheAddress_AndTheAcceptedSample_IsKeptAsUnknown()
    {
        var complained = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-complained.json"))));
        var accepted = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-accepted.json"), SampleTime)));

        Assert.Equal(HttpStatusCode.OK, complained.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.IsType<MailComplained>(_server.Events.All[0]);
        var unknown = Assert.IsType<UnknownMailEvent>(_server.Events.All[1]);
        Assert.Equal("accepted", unknown.ProviderEventType);
        Assert.Equal("20260203192638.000be97f99f8cea1@sample.mailgun.com", unknown.ProviderMessageId);
        Assert.Contains("\"api-key-id\"", unknown.RawJson, StringComparison.Ordinal);
        Assert.Equal(SuppressionReason.Complaint, (await _server.Suppressions.FindAsync("alice@example.com"))?.Reason);
    }

    [Fact]
    public async Task ATokenAlreadyUsed_IsRefused_EvenWithADifferentEventInside()
    {
        var first = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-failed-temporary.json"))));
        var reused = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-failed-permanent.json"), token: "0e81c1e9f2d7fbd9b8e17ed8a2c3a1c5b1d0f9e8d7c6b5a4f3")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.IsType<MailDeferred>(Assert.Single(_server.Events.All));
        Assert.Null(await _server.Suppressions.FindAsync("alice@example.com"));
        Assert.Contains("Replayed", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignatureMadeWithTheApiKeyOrAnotherKey_IsRefused_AndTheLogSaysWhichKeyIsMeant()
    {
        var response = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-failed-permanent.json"), key: "key-the-api-key")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_server.Events.All);
        Assert.Contains("not the API key", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedTimestamp_BreaksTheSignature()
    {
        var signed = _signer.Sign(Fixture.Read("mailgun-failed-permanent.json"));

        var response = await _server.Client.SendAsync(MailgunSigner.Request(signed.Replace("\"1529006854\"", "\"1529006855\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("WrongSignature", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOldSignature_IsRefusedAsStale()
    {
        _server.Time.Advance(TimeSpan.FromHours(1));

        var response = await _server.Client.SendAsync(MailgunSigner.Request(_signer.Sign(Fixture.Read("mailgun-failed-permanent.json"))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_server.Events.All);
        Assert.Contains("StaleTimestamp", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubaccountsEvent_IsAccepted_ByItsParentSignature()
    {
        var signed = _signer.Sign(Fixture.Read("mailgun-failed-temporary.json"));
        var parent = MailgunSigner.Hex(SigningKey, "1529006854" + "0e81c1e9f2d7fbd9b8e17ed8a2c3a1c5b1d0f9e8d7c6b5a4f3");
        var subaccount = signed.Replace($"\"signature\":\"{parent}\"", $"\"signature\":\"{MailgunSigner.Hex("subaccount-key", "x")}\",\"parent-signature\":\"{parent}\"", StringComparison.Ordinal);
        Assert.NotEqual(signed, subaccount);

        var response = await _server.Client.SendAsync(MailgunSigner.Request(subaccount));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ALegacyFormPost_Gets400_SayingToSetTheWebhookUpAgain()
    {
        var response = await _server.Client.PostAsync("mailgun", new FormUrlEncodedContent(new Dictionary<string, string> { ["event"] = "bounced", ["token"] = "t", ["timestamp"] = "1", ["signature"] = "s" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("legacy Mailgun webhook", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyWithoutASignatureBlock_IsRefused401()
    {
        var response = await _server.Client.PostAsync("mailgun", new StringContent("""{"event-data":{"event":"complained","recipient":"bob@example.com"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await _server.Suppressions.FindAsync("bob@example.com"));
        Assert.Contains("MissingSignature", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }
}
