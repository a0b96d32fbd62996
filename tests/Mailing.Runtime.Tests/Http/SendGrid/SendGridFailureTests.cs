using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.SendGrid;
using static Mailing.Tests.Http.SendGrid.SendGridTestRig;

namespace Mailing.Tests.Http.SendGrid;

/// <summary>
/// Each way SendGrid (or the network) can fail, produced by a real loopback server, becomes a
/// <see cref="MailDeliveryException"/> with the right kind, transience and a hint that says what to do.
/// </summary>
public sealed class SendGridFailureTests
{
    [Fact]
    public async Task Unauthorized_IsAnAuthenticationFailure_WithTheKeyAndRegionHint_AndNoSecret()
    {
        const string body = """{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}""";
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(401, body));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(401, failure.StatusCode);
        Assert.Contains("authorization grant is invalid", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("api.eu.sendgrid.com", failure.Hint, StringComparison.Ordinal);
        Assert.Equal(body, failure.ServerResponse);
        Assert.Equal(SendGridTransport.DefaultName, failure.TransportName);
        Assert.DoesNotContain(ApiKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_OnTheEuHost_SaysAGlobalKeyNeedsNoRegion()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(401, """{"errors":[{"message":"authorization required"}]}"""));
        var handler = new RedirectingHandler(server.BaseAddress);
        using var client = new HttpClient(handler);
        var transport = new SendGridTransport(new SendGridOptions { ApiKey = ApiKey, Region = SendGridRegion.EU }, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Contains("EU host", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("remove Region", failure.Hint, StringComparison.Ordinal);
        Assert.Equal("api.eu.sendgrid.com", handler.OriginalHost);
    }

    [Fact]
    public async Task AnUnverifiedSender_IsRejected_WithTheSenderIdentityHint()
    {
        const string body = """{"errors":[{"message":"The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements","field":"from","help":null}]}""";
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(403, body));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("does not match a verified Sender Identity", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Single Sender Verification", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_IsAnAuthenticationFailure_NamingTheMailSendPermission()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(403, """{"errors":[{"message":"access forbidden","field":"null"}]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Contains("Mail Send permission", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadRequest_IsRejected_WithSendGridsErrorFieldAndHelp()
    {
        const string body = """{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":"http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to"}]}""";
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(400, body));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("Does not contain a valid address. (field personalizations.0.to.0.email; see http://sendgrid.com/docs/", failure.Message, StringComparison.Ordinal);
        Assert.Equal(body, failure.ServerResponse);
    }

    [Fact]
    public async Task CreditsUsedUp_IsRateLimited_SoAnotherTransportCanTakeOver()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(401, """{"errors":[{"field":null,"message":"Maximum credits exceeded"}]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Contains("credits", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_IsRateLimited_WithRetryAfter()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(429, """{"errors":[{"message":"too many requests"}]}""", ("Retry-After", "7")));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
        Assert.Equal(429, failure.StatusCode);
    }

    [Fact]
    public async Task AServerError_IsTransient()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(500, """{"errors":[{"message":"internal server error"}]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Contains("internal server error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongEndpointPath_IsAConfigurationFailure()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(404, """{"errors":[{"message":"not found","field":"null"}]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("Endpoint", failure.Hint, StringComparison.Ordinal);
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
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AConnectionDroppedAfterTheBody_MayHaveBeenDelivered_AndIsNotRetried()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Drop());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
        Assert.Contains("activity", failure.Hint, StringComparison.Ordinal);
        Assert.Equal("ann@example.com", server.Requests[0].Json().GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task ARefusedConnection_IsAConnectionFailure_ThatWasNotDelivered()
    {
        var port = UnusedLoopbackPort();
        using var client = new HttpClient();
        var transport = new SendGridTransport(new SendGridOptions { ApiKey = ApiKey, Endpoint = new Uri($"http://127.0.0.1:{port}/") }, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.True(failure.IsTransient);
        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledSend_ThrowsOperationCanceled()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted() with { Delay = TimeSpan.FromSeconds(20) });
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        using var cancel = new CancellationTokenSource();

        var sending = transport.SendAsync(Message(), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    /// <summary>Sends requests meant for SendGrid's real hosts to the loopback server instead, remembering where they were going.</summary>
    private sealed class RedirectingHandler(Uri target) : DelegatingHandler(new SocketsHttpHandler())
    {
        public string? OriginalHost { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            OriginalHost = request.RequestUri!.Host;
            request.RequestUri = new Uri(target, request.RequestUri.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
