using System.Text.Json;
using Mailing.Tests.Http.Fixtures;
using Mailing.Tests.Smtp.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Sending;

/// <summary>SendManyAsync through Postmark's batch endpoint (a loopback server), with SMTP failover behind it.</summary>
public sealed class SendManyBatchTests : IAsyncLifetime
{
    private LoopbackHttpServer _postmark = null!;
    private Mailing.DevInbox.LocalSmtpInbox _smtp = null!;
    private string _pem = null!;

    public async Task InitializeAsync()
    {
        _postmark = await LoopbackHttpServer.StartAsync(AcceptEveryone);
        _smtp = await StartInboxAsync();
        _pem = Path.Combine(Path.GetTempPath(), $"mailing-test-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(_pem, TestCertificates.PublicPart.ExportCertificatePem());
    }

    public async Task DisposeAsync()
    {
        await _postmark.DisposeAsync();
        await _smtp.DisposeAsync();
        File.Delete(_pem);
    }

    [Fact]
    public async Task ManyMessages_GoInBatchesOf500_WithOneOutcomeEach()
    {
        await using var provider = Build();

        var outcomes = await provider.GetRequiredService<IMailer>().SendManyAsync(Messages(1200), Timeout());

        Assert.Equal(1200, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal("postmark", o.Result?.TransportName));
        Assert.Equal([500, 500, 200], _postmark.Requests.Select(r => r.Json().GetArrayLength()));
        Assert.All(_postmark.Requests, r => Assert.Equal("/email/batch", r.Path));
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => $"pm-{i}"), outcomes.Select(o => o.Result!.ProviderMessageId));
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task ASuppressedRecipientInTheBatch_FailsAlone_AndIsNotSentOverSmtp()
    {
        _postmark.RespondWith(request => HttpReply.Json(200, JsonSerializer.Serialize(request.Json().EnumerateArray().Select((m, i) =>
            m.GetProperty("To").GetString()!.Contains("bounced", StringComparison.Ordinal)
                ? (object)new { ErrorCode = 406, Message = "You tried to send to recipient(s) that have been marked as inactive." }
                : new { ErrorCode = 0, Message = "OK", MessageID = $"pm-{i}", To = m.GetProperty("To").GetString() }))));
        await using var provider = Build();
        var messages = Messages(3).ToList();
        messages[1] = messages[1] with { To = ["bounced@example.com"] };

        var outcomes = await provider.GetRequiredService<IMailer>().SendManyAsync(messages, Timeout());

        Assert.True(outcomes[0].Succeeded);
        Assert.Equal(MailFailureKind.Rejected, outcomes[1].Failure?.Kind);
        Assert.Equal("406", outcomes[1].Failure?.EnhancedStatusCode);
        Assert.True(outcomes[2].Succeeded);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task TheBatchEndpointDown_EachMessageFailsOverToSmtp_ExactlyOnce()
    {
        _postmark.RespondWith(_ => HttpReply.Json(503, """{"ErrorCode":100,"Message":"Maintenance"}"""));
        await using var provider = Build();

        var outcomes = await provider.GetRequiredService<IMailer>().SendManyAsync(Messages(5), Timeout());

        Assert.All(outcomes, o => Assert.Equal("backup", o.Result?.TransportName));
        var received = await _smtp.WaitForMessagesAsync(5, Timeout());
        Assert.Equal(outcomes.Select(o => o.Result!.MessageId).Order(), received.Select(r => r.Message.MessageId).Order());
    }

    [Fact]
    public async Task ABatchWhoseAnswerWasLost_IsNotSentAgain()
    {
        _postmark.RespondWith(_ => HttpReply.Drop());
        await using var provider = Build();

        var outcomes = await provider.GetRequiredService<IMailer>().SendManyAsync(Messages(4), Timeout());

        Assert.All(outcomes, o => Assert.True(o.Failure?.MayHaveBeenDelivered));
        Assert.Single(_postmark.Requests);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task AStreamThatPauses_SendsTheBatchCollectedSoFar_InsteadOfWaitingForItToFill()
    {
        await using var provider = Build();
        var firstThreeRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subjects = new List<string?>();

        await foreach (var outcome in provider.GetRequiredService<IMailer>().SendManyAsync(PausingSource(firstThreeRead.Task), Timeout()))
        {
            Assert.True(outcome.Succeeded);
            subjects.Add(outcome.Message.Subject);
            if (subjects.Count == 3)
            {
                firstThreeRead.SetResult();
            }
        }

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], subjects);
        Assert.Equal([3, 2], _postmark.Requests.Select(r => r.Json().GetArrayLength()));
    }

    private static async IAsyncEnumerable<EmailMessage> PausingSource(Task resume)
    {
        var messages = Messages(5).ToArray();
        for (var i = 0; i < messages.Length; i++)
        {
            if (i == 3)
            {
                // A queue with nothing new until the reader has seen the first outcomes.
                await resume;
            }

            yield return messages[i];
        }
    }

    private static HttpReply AcceptEveryone(RecordedRequest request) =>
        HttpReply.Json(200, JsonSerializer.Serialize(request.Json().EnumerateArray().Select(m => new
        {
            ErrorCode = 0,
            Message = "OK",
            MessageID = $"pm-{m.GetProperty("Subject").GetString()![1..]}",
            To = m.GetProperty("To").GetString(),
        })));

    private static IEnumerable<EmailMessage> Messages(int count) =>
        Enumerable.Range(0, count).Select(i => new EmailMessage { To = [$"user{i}@example.com"], Subject = $"m{i}", TextBody = "Hello" });

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "failover(postmark backup)",
            ["Mailing:Transports:postmark"] = $"postmark+api://server-token@default?endpoint={_postmark.BaseAddress}",
            ["Mailing:Transports:backup"] = $"smtp://{Username}:{Password}@localhost:{_smtp.Port}",
            ["Mailing:Smtp:TrustedCertificateFiles:0"] = _pem,
            ["Mailing:Dispatch:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddMailing(configuration.GetSection("Mailing"));
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<MailingOptions>>().Value;
        return provider;
    }
}
