using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Postmark;
using static Mailing.Tests.Http.Postmark.PostmarkTestRig;

namespace Mailing.Tests.Http.Postmark;

/// <summary>How Postmark's refusals and lost answers reach the caller: kind, retry advice, Postmark's own words and a hint.</summary>
public sealed class PostmarkFailureTests
{
    [Fact]
    public async Task AWrongServerToken_IsAnAuthenticationFailure_WithAHintAboutTheServerToken()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(401, 10, "Request does not contain a valid Server token."));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(401, failure.StatusCode);
        Assert.Equal("10", failure.EnhancedStatusCode);
        Assert.Contains("Request does not contain a valid Server token.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Server API token", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerToken, failure.Message, StringComparison.Ordinal);
        Assert.Equal("postmark", failure.TransportName);
    }

    [Theory]
    [InlineData(300, "Invalid 'To' address: 'nobody'.", "50 recipients")]
    [InlineData(406, "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ann@example.com.", "Suppressions")]
    [InlineData(400, "The 'From' address you supplied (shop@example.com) is not a Sender Signature on your account.", "Sender Signatures")]
    [InlineData(401, "The 'From' address (shop@example.com) has not been confirmed.", "confirm")]
    [InlineData(412, "Your account is pending approval. You can only send to recipients at your own domain.", "pending approval")]
    [InlineData(405, "You have no more credits left.", "billing")]
    [InlineData(411, "Forbidden attachment type: run.exe", "file type")]
    public async Task A422WithAnErrorCode_IsRejected_WithPostmarksTextTheCodeAndAHint(int errorCode, string postmarkMessage, string hint)
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(422, errorCode, postmarkMessage));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.Equal(422, failure.StatusCode);
        Assert.Equal(errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.EnhancedStatusCode);
        Assert.Contains(postmarkMessage, failure.Message, StringComparison.Ordinal);
        Assert.Contains(postmarkMessage, failure.ServerResponse, StringComparison.Ordinal);
        Assert.Contains(hint, failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintenance_IsTransient()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(422, 100, "Maintenance"));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task A429WithRetryAfter_IsRateLimited_AndSaysHowLongToWait()
    {
        await using var server = await LoopbackHttpServer.StartAsync(
            HttpReply.Json(429, """{"ErrorCode":429,"Message":"Rate limit exceeded."}""", ("Retry-After", "30")));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
        Assert.Equal("429", failure.EnhancedStatusCode);
    }

    [Fact]
    public async Task A500_IsTransient()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(500, """{"ErrorCode":0,"Message":"Internal error"}"""));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(500, failure.StatusCode);
        Assert.Contains("Internal error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonJsonErrorBody_StillGivesItsTextAndTheStatusKind()
    {
        await using var server = await LoopbackHttpServer.StartAsync(new HttpReply { Status = 401, Body = "Unauthorized", ContentType = "text/plain" });
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Null(failure.EnhancedStatusCode);
        Assert.Contains("Unauthorized", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Server API token", failure.Hint, StringComparison.Ordinal);
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
    public async Task ACallersCancellation_IsACancellation_NotAFailure()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success() with { Delay = TimeSpan.FromSeconds(20) });
        var transport = Transport(server);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(Message(), cancellation.Token));
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
        Assert.Contains("activity log", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedConnection_IsAConnectionFailure_ThatWasNotDelivered()
    {
        var transport = new PostmarkTransport(Options(UnusedEndpoint()), new HttpClient());

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task TwoTags_AreRefusedBeforeAnyRequest_NamingTheLimitAndTheFix()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(Message() with { Tags = ["receipt", "march"] }, Timeout()));

        Assert.Contains("at most 1 tag", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Metadata", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FiftyOneRecipients_AreRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var message = Message() with
        {
            To = Enumerable.Range(0, 30).Select(i => new EmailAddress($"to{i}@example.com")).ToArray(),
            Bcc = Enumerable.Range(0, 21).Select(i => new EmailAddress($"bcc{i}@example.com")).ToArray(),
        };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("at most 50 recipients", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MetadataKeysDifferingOnlyInCase_AreRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var message = Message() with { Metadata = new Dictionary<string, string> { ["order_id"] = "1", ["Order_Id"] = "2" } };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("differ only in case", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AMessageOverTenMegabytes_IsRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Success());
        var transport = Transport(server);
        var message = Message() with { Attachments = [new EmailAttachment("big.bin", new byte[8 * 1024 * 1024])] };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("10 MB", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
