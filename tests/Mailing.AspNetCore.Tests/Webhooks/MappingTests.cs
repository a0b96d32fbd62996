using System.Net;
using Mailing.AspNetCore.Tests.Webhooks.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.AspNetCore.Tests.Webhooks;

/// <summary>What MapMailingWebhooks maps, refuses to map, and says at start-up.</summary>
public sealed class MappingTests
{
    [Fact]
    public async Task AProviderWithoutItsSecret_IsNotMapped_AndStartUpSaysSo()
    {
        using var sendGrid = new SendGridSigner();
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Mailing:Webhooks:SendGrid:PublicKey"] = sendGrid.PublicKey });

        var mailgun = await server.Client.PostAsync("mailgun", new StringContent("{}"));
        var resend = await server.Client.PostAsync("resend", new StringContent("{}"));
        var postmark = await server.Client.PostAsync("postmark", new StringContent("{}"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [mailgun.StatusCode, resend.StatusCode, postmark.StatusCode]);
        var startUp = server.LogLines().Select(l => l.Message).ToArray();
        Assert.Contains("Mailing webhooks: sendgrid events are accepted at /webhooks/mail/sendgrid (ECDSA signature, Mailing:Webhooks:SendGrid:PublicKey)", startUp);
        Assert.Contains("Mailing webhooks: mailgun is not mapped because Mailing:Webhooks:Mailgun:SigningKey is not set; it would otherwise accept unverified events", startUp);
        Assert.Contains("Mailing webhooks: resend is not mapped because Mailing:Webhooks:Resend:Secret is not set; it would otherwise accept unverified events", startUp);
        Assert.Contains("Mailing webhooks: postmark is not mapped because Mailing:Webhooks:Postmark:Username and Password (or HeaderName and HeaderValue) is not set; it would otherwise accept unverified events", startUp);
        Assert.Contains(startUp, line => line.Contains("the suppression list is kept in memory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithNoProviderConfigured_NothingIsMapped_AndStartUpWarns()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>());

        var response = await server.Client.PostAsync("sendgrid", new StringContent("[]"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(server.LogLines(), l => l.Id.Name == "WebhookNoProvider");
    }

    [Theory]
    [InlineData("SendGrid:PublicKey", "not-a-key", "Mailing:Webhooks:SendGrid:PublicKey", "Signed Event Webhook Requests")]
    [InlineData("Resend:Secret", "whsec_%%%", "Mailing:Webhooks:Resend:Secret", "Signing secret")]
    [InlineData("Postmark:Username", "postmark", "Mailing:Webhooks:Postmark", "both Username and Password")]
    [InlineData("TimestampTolerance", "five minutes", "Mailing:Webhooks:TimestampTolerance", "hh:mm:ss")]
    [InlineData("TimestampTolerance", "02:00:00", "Mailing:Webhooks:TimestampTolerance", "at most an hour")]
    public async Task ABadSetting_StopsTheAppAtStartUp_NamingTheKeyAndTheFix(string key, string value, string named, string fix)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Mailing:Webhooks:" + key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyThatIsNotAKey_IsNotEchoedInTheError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Mailing:Webhooks:Resend:Secret"] = "whsec_not base64 but secret" }));

        Assert.DoesNotContain("not base64 but secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAddMailing_MappingFails_SayingWhatToCall()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapMailingWebhooks());

        Assert.Contains("AddMailing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretsSetInCode_AreUsedLikeConfiguration()
    {
        var signer = new ResendSigner();
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>(), configure: o => o.Resend.Secret = signer.Secret);

        var response = await server.Client.SendAsync(signer.Request(Fixture.Read("resend-email-delivered.json"), server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheEndpoints_AllowAnonymousRequests_UnderAFallbackPolicyThatRequiresAUser()
    {
        var signer = new ResendSigner();
        await using var server = await WebhookTestServer.StartAsync(
            new Dictionary<string, string?> { ["Mailing:Webhooks:Resend:Secret"] = signer.Secret },
            mailing: m => m.Services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()));

        var response = await server.Client.SendAsync(signer.Request(Fixture.Read("resend-email-delivered.json"), server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
