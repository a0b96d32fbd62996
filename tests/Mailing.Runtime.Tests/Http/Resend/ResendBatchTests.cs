using Mailing.Tests.Http.Fixtures;
using Mailing.Transports;
using Mailing.Transports.Http.Resend;
using static Mailing.Tests.Http.Resend.ResendTestRig;

namespace Mailing.Tests.Http.Resend;

/// <summary>
/// Resend's batch endpoint (https://resend.com/docs/api-reference/emails/send-batch-emails): one request for up to
/// 100 emails, one outcome per message, whole-call failures thrown as for one message.
/// </summary>
public sealed class ResendBatchTests
{
    [Fact]
    public async Task ABatch_IsPostedAsAnArrayOfEmails_InPermissiveMode_AndEveryMessageGetsItsId()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200,
            """{"data":[{"id":"ae2014de-c168-4c61-8267-70d2662a1ce1"},{"id":"faccb7a5-8a28-4e9a-ac64-8da1cc3bc1cb"}]}"""));
        using var client = new HttpClient();
        IBatchEmailTransport transport = TransportFor(server, client);
        EmailMessage[] messages = [Message("First", "ann@example.com"), Message("Second", "bob@example.com") with { Cc = [new EmailAddress("carol@example.com")] }];

        var outcomes = await transport.SendBatchAsync(messages, Timeout());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emails/batch", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.Equal("permissive", request.Header("x-batch-validation"));
        var emails = request.Json().EnumerateArray().ToArray();
        Assert.Equal(["First", "Second"], emails.Select(e => e.GetProperty("subject").GetString()));
        Assert.Equal("Ann Smith <bob@example.com>", emails[1].GetProperty("to")[0].GetString());
        Assert.Equal("carol@example.com", emails[1].GetProperty("cc")[0].GetString());

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(["ae2014de-c168-4c61-8267-70d2662a1ce1", "faccb7a5-8a28-4e9a-ac64-8da1cc3bc1cb"], outcomes.Select(o => o.Result!.ProviderMessageId));
        Assert.Equal(["First", "Second"], outcomes.Select(o => o.Message.Subject));
        Assert.All(outcomes, o => Assert.False(string.IsNullOrEmpty(o.Message.MessageId)));
        Assert.Equal(["bob@example.com", "carol@example.com"], outcomes[1].Result!.AcceptedRecipients.Select(a => a.Address));
    }

    [Fact]
    public async Task AnEmailResendRefuses_FailsAlone_AndTheOthersKeepTheirIds()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200,
            """{"data":[{"id":"id-first"},{"id":"id-third"}],"errors":[{"index":1,"message":"The `to` field is missing."}]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var outcomes = await transport.SendBatchAsync([Message("First"), Message("Second"), Message("Third")], Timeout());

        Assert.Equal("id-first", outcomes[0].Result?.ProviderMessageId);
        Assert.False(outcomes[1].Succeeded);
        Assert.Equal(MailFailureKind.Rejected, outcomes[1].Failure!.Kind);
        Assert.False(outcomes[1].Failure!.IsTransient);
        Assert.Contains("The `to` field is missing.", outcomes[1].Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(ResendTransport.DefaultName, outcomes[1].Failure!.TransportName);
        Assert.Equal("id-third", outcomes[2].Result?.ProviderMessageId);
    }

    [Fact]
    public async Task AWholeCallFailure_IsThrownAsForOneMessage()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(403, """{"statusCode":403,"name":"invalid_api_key","message":"API key is invalid."}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendBatchAsync([Message("First"), Message("Second")], Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Contains("and 1 more", failure.Message, StringComparison.Ordinal);
        Assert.Contains("API key is invalid.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchDroppedAfterItsBody_MayHaveBeenDelivered()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Drop());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendBatchAsync([Message("First"), Message("Second")], Timeout()));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task MessagesThatAllHaveIdempotencyKeys_GiveTheBatchAStableKey()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, """{"data":[{"id":"a"},{"id":"b"}]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        EmailMessage[] keyed = [Message("First") with { IdempotencyKey = "welcome/1" }, Message("Second") with { IdempotencyKey = "welcome/2" }];

        await transport.SendBatchAsync(keyed, Timeout());
        await transport.SendBatchAsync(keyed, Timeout());
        await transport.SendBatchAsync([keyed[0], keyed[1] with { IdempotencyKey = "welcome/3" }], Timeout());
        await transport.SendBatchAsync([keyed[0], Message("Unkeyed")], Timeout());

        var keys = server.Requests.Select(r => r.Header("Idempotency-Key")).ToArray();
        Assert.StartsWith("batch-", keys[0], StringComparison.Ordinal);
        Assert.True(keys[0]!.Length <= 256);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.Null(keys[3]);
    }

    [Fact]
    public async Task WhatTheBatchEndpointCannotCarry_IsRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, """{"data":[]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var attached = Message() with { Attachments = [new EmailAttachment("a.txt", new byte[] { 1 })] };
        var tagged = Message() with { Tags = ["receipt"] };
        var withMetadata = Message() with { Metadata = new Dictionary<string, string> { ["order_id"] = "1" } };
        var inline = Message() with { InlineResources = [new InlineResource("logo", new byte[] { 1 }, "image/png")] };

        Assert.True(transport.CanBatch(Message()));
        Assert.All(new[] { attached, tagged, withMetadata, inline }, m => Assert.False(transport.CanBatch(m)));
        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendBatchAsync([Message(), attached], Timeout()));
        Assert.Contains("Message 1 of the batch", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("SendAsync", refusal.Message, StringComparison.Ordinal);
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendBatchAsync(Enumerable.Range(0, 101).Select(i => Message($"#{i}")).ToArray(), Timeout()));
        Assert.Contains("at most 100", tooMany.Message, StringComparison.Ordinal);
        var unsendable = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendBatchAsync([Message() with { To = [], Bcc = [new EmailAddress("x@example.com")] }], Timeout()));
        Assert.Contains("Message 0 of the batch cannot be sent", unsendable.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Equal(100, transport.MaxBatchSize);
    }

    [Fact]
    public async Task AnEmptyBatch_SendsNothing()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, """{"data":[]}"""));
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var outcomes = await transport.SendBatchAsync([], Timeout());

        Assert.Empty(outcomes);
        Assert.Empty(server.Requests);
    }
}
