using System.Text.Json;
using Mailing.Tests.Http.Fixtures;
using static Mailing.Tests.Http.Postmark.PostmarkTestRig;

namespace Mailing.Tests.Http.Postmark;

/// <summary>Postmark's batch endpoint: one call for many messages, one outcome per message.</summary>
public sealed class PostmarkBatchTests
{
    // The shape of Postmark's documented batch answer: one element per message, in order, each with its own ErrorCode.
    private const string MixedAnswer = """
        [
          {"ErrorCode":0,"Message":"OK","MessageID":"b7bc2f4a-e38e-4336-af7d-e6c392c2f817","SubmittedAt":"2010-11-26T12:01:05.1794748-05:00","To":"ann@example.com"},
          {"ErrorCode":406,"Message":"You tried to send to a recipient that has been marked as inactive. Found inactive addresses: bob@example.com. Inactive recipients are ones that have generated a hard bounce or a spam complaint."},
          {"ErrorCode":0,"Message":"OK","MessageID":"e2ecbbfc-fe12-463d-b933-9fe22915106d","SubmittedAt":"2010-11-26T12:01:05.1794748-05:00","To":"carol@example.com"}
        ]
        """;

    [Fact]
    public async Task ABatch_IsOneArrayPostedToEmailBatch_WithEachMessagesFields()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, MixedAnswer));
        var transport = Transport(server, o => o.MessageStream = "broadcast");
        EmailMessage[] messages =
        [
            Message("ann@example.com") with { Subject = "One", Tags = ["news"] },
            Message("bob@example.com") with { Subject = "Two", Metadata = new Dictionary<string, string> { ["user"] = "42" } },
            Message("carol@example.com") with { Subject = "Three" },
        ];

        await transport.SendBatchAsync(messages, Timeout());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/email/batch", request.Path);
        Assert.Equal(ServerToken, request.Header("X-Postmark-Server-Token"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var array = request.Json();
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        var items = array.EnumerateArray().ToArray();
        Assert.Equal(["One", "Two", "Three"], items.Select(i => i.GetProperty("Subject").GetString()));
        Assert.Equal(["ann@example.com", "bob@example.com", "carol@example.com"], items.Select(i => i.GetProperty("To").GetString()));
        Assert.All(items, i => Assert.Equal("broadcast", i.GetProperty("MessageStream").GetString()));
        Assert.Equal("news", items[0].GetProperty("Tag").GetString());
        Assert.Equal("42", items[1].GetProperty("Metadata").GetProperty("user").GetString());
        var messageIds = items.Select(i => i.GetProperty("Headers").EnumerateArray().Single(h => h.GetProperty("Name").GetString() == "Message-ID").GetProperty("Value").GetString()).ToArray();
        Assert.Equal(3, messageIds.Distinct().Count());
    }

    [Fact]
    public async Task AMixedAnswer_GivesOneOutcomePerMessage_InOrder()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, MixedAnswer));
        var transport = Transport(server);
        EmailMessage[] messages = [Message("ann@example.com"), Message("bob@example.com"), Message("carol@example.com")];

        var outcomes = await transport.SendBatchAsync(messages, Timeout());

        Assert.Equal(3, outcomes.Count);
        Assert.True(outcomes[0].Succeeded);
        Assert.Equal("b7bc2f4a-e38e-4336-af7d-e6c392c2f817", outcomes[0].Result!.ProviderMessageId);
        Assert.Equal("postmark", outcomes[0].Result!.TransportName);
        Assert.Equal("ann@example.com", Assert.Single(outcomes[0].Result!.AcceptedRecipients).Address);
        Assert.Equal(outcomes[0].Message.MessageId, outcomes[0].Result!.MessageId);

        var refused = outcomes[1];
        Assert.False(refused.Succeeded);
        Assert.Equal("bob@example.com", refused.Message.To.Single().Address);
        Assert.Equal(MailFailureKind.Rejected, refused.Failure!.Kind);
        Assert.False(refused.Failure.IsTransient);
        Assert.Equal("406", refused.Failure.EnhancedStatusCode);
        Assert.Null(refused.Failure.StatusCode);
        Assert.Contains("Found inactive addresses: bob@example.com", refused.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("Suppressions", refused.Failure.Hint, StringComparison.Ordinal);
        Assert.Contains("\"ErrorCode\":406", refused.Failure.ServerResponse, StringComparison.Ordinal);

        Assert.True(outcomes[2].Succeeded);
        Assert.Equal("e2ecbbfc-fe12-463d-b933-9fe22915106d", outcomes[2].Result!.ProviderMessageId);
    }

    [Fact]
    public async Task AFailedCall_IsThrownForTheWholeBatch()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Error(401, 10, "Request does not contain a valid Server token."));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(
            () => transport.SendBatchAsync([Message("ann@example.com"), Message("bob@example.com")], Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Equal("10", failure.EnhancedStatusCode);
    }

    [Fact]
    public async Task AnAnswerThatDoesNotMatchTheMessages_MayHaveBeenDelivered()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, """[{"ErrorCode":0,"Message":"OK","MessageID":"x"}]"""));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(
            () => transport.SendBatchAsync([Message("ann@example.com"), Message("bob@example.com")], Timeout()));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
        Assert.Contains("activity log", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThanFiveHundredMessages_AreRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, "[]"));
        var transport = Transport(server);
        var messages = Enumerable.Range(0, 501).Select(i => Message($"user{i}@example.com")).ToArray();

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendBatchAsync(messages, Timeout()));

        Assert.Contains("at most 500 messages", failure.Message, StringComparison.Ordinal);
        Assert.Equal(500, transport.MaxBatchSize);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task OneMessageOverALimit_StopsTheBatchBeforeAnyRequest_NamingWhichOne()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, "[]"));
        var transport = Transport(server);

        var failure = await Assert.ThrowsAsync<ArgumentException>(
            () => transport.SendBatchAsync([Message("ann@example.com"), Message("bob@example.com") with { Tags = ["a", "b"] }], Timeout()));

        Assert.Contains("Message 1 of the batch", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1 tag", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AnEmptyBatch_SendsNothing()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, "[]"));
        var transport = Transport(server);

        var outcomes = await transport.SendBatchAsync([], Timeout());

        Assert.Empty(outcomes);
        Assert.Empty(server.Requests);
    }
}
