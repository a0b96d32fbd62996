using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Mailgun;
using static Mailing.Tests.Http.Mailgun.MailgunTestRig;

namespace Mailing.Tests.Http.Mailgun;

/// <summary>How Mailgun's refusals and lost answers reach the caller: kind, retry advice, Mailgun's own words and a hint.</summary>
public sealed class MailgunFailureTests
{
    [Fact]
    public async Task AWrongKey_IsAnAuthenticationFailure_WithAHintAboutTheKey()
    {
        // Mailgun answers a wrong key with a bare text body.
        await using var server = await LoopbackHttpServer.StartAsync(new HttpReply { Status = 401, Body = "Forbidden", ContentType = "text/plain" });
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(401, failure.StatusCode);
        Assert.Contains("Forbidden", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Private API key", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, failure.Message, StringComparison.Ordinal);
        Assert.Equal("mailgun", failure.TransportName);
    }

    [Fact]
    public async Task A400_IsRejected_WithMailgunsText()
    {
        const string text = "'to' parameter is not a valid address. please check documentation";
        await using var server = await LoopbackHttpServer.StartAsync(Error(400, text));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains(text, failure.Message, StringComparison.Ordinal);
        Assert.Contains(text, failure.ServerResponse, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MailgunRegion.Us, "set Region to eu")]
    [InlineData(MailgunRegion.Eu, "set Region to us")]
    public async Task DomainNotFound_IsAConfigurationFailure_HintingAtTheOtherRegion(MailgunRegion region, string hint)
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(404, $"Domain not found: {Domain}"));
        var redirect = new LoopbackRedirectHandler(server.BaseAddress);
        var transport = new MailgunTransport(Options(server.BaseAddress, o => { o.Endpoint = null; o.Region = region; }), new HttpClient(redirect));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(404, failure.StatusCode);
        Assert.Contains($"Domain not found: {Domain}", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Domain, failure.Hint, StringComparison.Ordinal);
        Assert.Contains(hint, failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DomainNotFoundWithAnExplicitEndpoint_HintsThatTheEndpointDecidesTheRegion()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(404, $"Domain not found: {Domain}"));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("Endpoint is set to", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("https://api.eu.mailgun.net/", failure.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(400)]
    public async Task ASandboxDomainSendingToAnUnauthorizedRecipient_IsRejected_WithTheAuthorizedRecipientsFix(int status)
    {
        var text = $"Domain {Domain} is not allowed to send: Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.";
        await using var server = await LoopbackHttpServer.StartAsync(Error(status, text));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.Contains("Sandbox subdomains", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Authorized Recipients", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("verify your own", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherForbidden_IsAnAuthenticationFailure()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(403, "Forbidden"));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Contains("allowlist", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A429WithRetryAfter_IsRateLimited_AndSaysHowLongToWait()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(429, """{"message":"Too many requests"}""", ("Retry-After", "12")));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(12), failure.RetryAfter);
    }

    [Fact]
    public async Task A500_IsTransient()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(500, "Internal Server Error"));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task TheApiRootsBanner_IsAConfigurationFailure_NotASuccess()
    {
        await using var server = await LoopbackHttpServer.StartAsync(new HttpReply { Status = 200, Body = "Mailgun Magnificent API", ContentType = "text/plain" });
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("without /v3", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheTimeout_IsATimeout_ThatMayHaveBeenDelivered()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success() with { Delay = TimeSpan.FromSeconds(20) });
        var transport = Transport(server, o => o.Timeout = TimeSpan.FromSeconds(3));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Timeout, failure.Kind);
        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task AConnectionDroppedAfterTheBody_MayHaveBeenDelivered_AndIsNotRetried()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Drop());
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Single(server.Requests);
        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task ARefusedConnection_IsAConnectionFailure_ThatWasNotDelivered()
    {
        var transport = new MailgunTransport(Options(UnusedEndpoint()), new HttpClient());

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task FourTags_AreRefusedBeforeAnyRequest_NamingTheLimitAndTheFix()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Message() with { Tags = ["a", "b", "c", "d"] }, Timeout()));

        Assert.Contains("at most 3 tags", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Metadata", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ATagOver128Characters_IsRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Message() with { Tags = [new string('t', 129)] }, Timeout()));

        Assert.Contains("128 characters", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MoreThan16KilobytesOfHeadersAndMetadata_AreRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var metadata = Enumerable.Range(0, 20).ToDictionary(i => $"field{i}", _ => new string('x', 1000));

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Message() with { Metadata = metadata }, Timeout()));

        Assert.Contains("16 KB", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MoreThanAThousandRecipients_AreRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var message = Message() with { Bcc = Enumerable.Range(0, 1000).Select(i => new EmailAddress($"b{i}@example.com")).ToArray() };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("at most 1000 recipients", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
