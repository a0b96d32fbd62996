using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Resend;
using static Mailing.Tests.Http.Resend.ResendTestRig;

namespace Mailing.Tests.Http.Resend;

/// <summary>
/// Each of Resend's documented errors (https://resend.com/docs/api-reference/errors) and each network failure,
/// produced by a real loopback server, becomes a <see cref="MailDeliveryException"/> with the right kind and a hint.
/// </summary>
public sealed class ResendFailureTests
{
    [Theory]
    [InlineData(401, "missing_api_key", "Missing API key in the authorization header.", "set the transport's ApiKey")]
    [InlineData(403, "invalid_api_key", "API key is invalid.", "resend.com/api-keys")]
    [InlineData(401, "restricted_api_key", "This API key is restricted to only send emails.", "sending access")]
    public async Task AKeyResendRefuses_IsAnAuthenticationFailure_WithAHint_AndNoSecret(int status, string name, string text, string hint)
    {
        var body = $$"""{"statusCode":{{status}},"name":"{{name}}","message":"{{text}}"}""";
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(status, body));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(name, failure.EnhancedStatusCode);
        Assert.Contains(text, failure.Message, StringComparison.Ordinal);
        Assert.Contains(hint, failure.Hint, StringComparison.Ordinal);
        Assert.Equal(body, failure.ServerResponse);
        Assert.Equal(ResendTransport.DefaultName, failure.TransportName);
        Assert.DoesNotContain(ApiKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTestingSenderWritingToSomeoneElse_IsRejected_NotAnAuthenticationFailure()
    {
        const string body = """{"statusCode":403,"name":"validation_error","message":"You can only send testing emails to your own email address (owner@example.com). To send emails to other recipients, please verify a domain at resend.com/domains, and change the `from` address to an email using this domain."}""";
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(403, body));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.Contains("You can only send testing emails", failure.Message, StringComparison.Ordinal);
        Assert.Contains("onboarding@resend.dev", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("resend.com/domains", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnverifiedDomain_IsRejected_WithTheVerifyYourDomainHint()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(403, """{"statusCode":403,"name":"validation_error","message":"The example.com domain is not verified. Please, add and verify your domain on https://resend.com/domains"}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("domain is not verified", failure.Message, StringComparison.Ordinal);
        Assert.Contains("verify the From address's domain at resend.com/domains", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValidationError_IsRejected_WithResendsText()
    {
        const string body = """{"statusCode":422,"name":"validation_error","message":"Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format."}""";
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(422, body));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(422, failure.StatusCode);
        Assert.Equal("validation_error", failure.EnhancedStatusCode);
        Assert.Contains("Invalid `to` field.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(body, failure.ServerResponse);
    }

    [Fact]
    public async Task TooManyRequests_IsRateLimited_WithRetryAfter()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(429,
            """{"statusCode":429,"name":"rate_limit_exceeded","message":"Too many requests. You can only make 2 requests per second."}""",
            ("Retry-After", "1"), ("ratelimit-remaining", "0")));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
    }

    [Fact]
    public async Task TheDailyQuota_IsRateLimited_WithTheQuotaHint()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(429, """{"statusCode":429,"name":"daily_quota_exceeded","message":"You have reached your daily email sending quota."}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.Contains("quota", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedForAnotherMessage_IsRejected_AndOneStillInProgress_IsTransient()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(409, """{"statusCode":409,"name":"invalid_idempotent_request","message":"Same idempotency key used with a different request payload."}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var message = Message() with { IdempotencyKey = "welcome/42" };

        var reused = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(message, Timeout()));
        server.RespondWith(_ => HttpReply.Json(409, """{"statusCode":409,"name":"concurrent_idempotent_requests","message":"Same idempotency key used while original request is still in progress."}"""));
        var inProgress = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(message, Timeout()));

        Assert.Equal(MailFailureKind.Rejected, reused.Kind);
        Assert.Contains("its own key", reused.Hint, StringComparison.Ordinal);
        Assert.Equal(MailFailureKind.Transient, inProgress.Kind);
        Assert.True(inProgress.IsTransient);
    }

    [Fact]
    public async Task AServerError_IsTransient()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(500, """{"statusCode":500,"name":"application_error","message":"An unexpected error occurred."}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task AnErrorBodyThatIsNotJson_IsStillClassifiedByItsStatus()
    {
        await using var server = await LoopbackHttpServer.StartAsync(new HttpReply { Status = 502, Body = "<html>Bad gateway</html>", ContentType = "text/html" });
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.Contains("Bad gateway", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheTimeout_IsATimeout_ThatMayHaveBeenDelivered()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted() with { Delay = TimeSpan.FromSeconds(20) });
        using var client = new HttpClient();
        var transport = TransportFor(server, client, o => o.Timeout = TimeSpan.FromSeconds(3));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Timeout, failure.Kind);
        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task AConnectionDroppedAfterTheBody_MayHaveBeenDelivered_AndIsNotRetried()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Drop());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message() with { IdempotencyKey = "receipt/1042" }, Timeout()));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
        Assert.Equal("receipt/1042", server.Requests[0].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task ARefusedConnection_IsAConnectionFailure_ThatWasNotDelivered()
    {
        var port = UnusedLoopbackPort();
        using var client = new HttpClient();
        var transport = new ResendTransport(new ResendOptions { ApiKey = ApiKey, Endpoint = new Uri($"http://127.0.0.1:{port}/") }, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.True(failure.IsTransient);
    }
}
