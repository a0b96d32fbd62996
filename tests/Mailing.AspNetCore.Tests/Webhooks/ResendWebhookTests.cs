using System.Net;
using Mailing.AspNetCore.Tests.Webhooks.Support;

namespace Mailing.AspNetCore.Tests.Webhooks;

/// <summary>Resend's webhooks, signed through Svix, posted to a real Kestrel server with a secret generated here.</summary>
public sealed class ResendWebhookTests : IAsyncLifetime
{
    private static readonly DateTimeOffset SampleTime = new(2024, 11, 22, 23, 41, 13, TimeSpan.Zero);
    private readonly ResendSigner _signer = new();
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Mailing:Webhooks:Resend:Secret"] = _signer.Secret }, SampleTime);

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task TheDocumentedSamples_BecomeTypedEvents_IdentifiedBySvixId()
    {
        await Post("resend-email-delivered.json", "msg_1");
        await Post("resend-email-bounced.json", "msg_2");
        await Post("resend-email-clicked.json", "msg_3");

        var events = _server.Events.All;
        var delivered = Assert.IsType<MailDelivered>(events[0]);
        Assert.Equal("msg_1", delivered.EventId);
        Assert.Equal("56761188-7520-42d8-8898-ff6fc54ce618", delivered.ProviderMessageId);
        Assert.Equal("delivered@resend.dev", delivered.Recipient);
        Assert.Equal(DateTimeOffset.Parse("2024-02-22T23:41:12.126Z", System.Globalization.CultureInfo.InvariantCulture), delivered.Timestamp);
        Assert.Null(delivered.MessageId);

        // email.bounced means "permanently rejected"; without details it is a hard bounce.
        Assert.Equal(BounceKind.Hard, Assert.IsType<MailBounced>(events[1]).Kind);
        var clicked = Assert.IsType<MailClicked>(events[2]);
        Assert.Equal("https://resend.com", clicked.Url);
        Assert.StartsWith("Mozilla/5.0 (Macintosh", clicked.UserAgent, StringComparison.Ordinal);
        Assert.Equal(SuppressionReason.HardBounce, (await _server.Suppressions.FindAsync("delivered@resend.dev"))?.Reason);
    }

    [Fact]
    public async Task ABounceResendSuppressedItself_IsADrop_AndTagsComeBackAsMailingSentThem()
    {
        await Post("resend-email-bounced-with-details.json", "msg_4");

        var dropped = Assert.IsType<MailDropped>(Assert.Single(_server.Events.All));
        Assert.StartsWith("The recipient's email address is on the suppression list", dropped.Reason, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["category"] = "confirm_email" }, dropped.Metadata);
        Assert.Null(await _server.Suppressions.FindAsync("bounced@resend.dev"));
    }

    [Fact]
    public async Task TagsValuedTrue_AreTags_AndOtherTagsAreMetadata_InEitherShapeResendSends()
    {
        var body = """{"type":"email.opened","created_at":"2024-11-22T23:41:12.126Z","data":{"email_id":"e1","to":["Ann <ann@example.com>"],"tags":[{"name":"welcome","value":"true"},{"name":"user_id","value":"42"}]}}""";

        var response = await _server.Client.SendAsync(_signer.Request(body, SampleTime, "msg_5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = Assert.IsType<MailOpened>(Assert.Single(_server.Events.All));
        Assert.Equal(["welcome"], opened.Tags);
        Assert.Equal(new Dictionary<string, string> { ["user_id"] = "42" }, opened.Metadata);
        Assert.Equal("ann@example.com", opened.Recipient);
    }

    [Fact]
    public async Task ATamperedBody_IsRefused401()
    {
        var body = Fixture.Read("resend-email-delivered.json");

        var response = await _server.Client.SendAsync(_signer.Request(body, SampleTime, bodySent: body.Replace("email.delivered", "email.complained", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_server.Events.All);
        Assert.Contains("WrongSignature", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherWebhooksSecret_IsRefused_ButDuringARotationEitherSignatureIsEnough()
    {
        var body = Fixture.Read("resend-email-delivered.json");
        var stranger = new ResendSigner();

        var wrong = await _server.Client.SendAsync(stranger.Request(body, SampleTime, "msg_6"));
        var rotating = await _server.Client.SendAsync(_signer.Request(body, SampleTime, "msg_7", extraSignature: stranger.Signature("msg_7", SampleTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), body)));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotating.StatusCode);
        Assert.Equal("msg_7", Assert.Single(_server.Events.All).EventId);
    }

    [Fact]
    public async Task AStaleTimestamp_IsRefused()
    {
        var response = await _server.Client.SendAsync(_signer.Request(Fixture.Read("resend-email-delivered.json"), SampleTime.AddMinutes(-10), "msg_8"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("StaleTimestamp", Assert.Single(_server.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplayIsRefused_ButSvixsRetryOfTheSameMessage_SignedAnew_IsAccepted()
    {
        var body = Fixture.Read("resend-email-delivered.json");
        _server.Events.FailNext = 1;

        var failed = await _server.Client.SendAsync(_signer.Request(body, SampleTime, "msg_9"));
        _server.Time.Advance(TimeSpan.FromSeconds(30));
        var retry = await _server.Client.SendAsync(_signer.Request(body, SampleTime.AddSeconds(30), "msg_9"));
        var replay = await _server.Client.SendAsync(_signer.Request(body, SampleTime.AddSeconds(30), "msg_9"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("msg_9", Assert.Single(_server.Events.All).EventId);
    }

    private async Task Post(string fixture, string id)
    {
        var response = await _server.Client.SendAsync(_signer.Request(Fixture.Read(fixture), SampleTime, id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
