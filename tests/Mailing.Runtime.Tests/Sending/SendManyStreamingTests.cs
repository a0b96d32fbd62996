using System.Runtime.CompilerServices;
using Mailing.DevInbox;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.DependencyInjection;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;
using SmtpReplyCode = SmtpServer.Protocol.SmtpReplyCode;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace Mailing.Tests.Sending;

/// <summary>SendManyAsync over an IAsyncEnumerable: outcomes in source order, failures that stay alone, no duplicates, back-pressure.</summary>
public sealed class SendManyStreamingTests
{
    [Fact]
    public async Task AMixOfGoodAndBadMessages_OverSmtp_EachGetsItsOwnOutcomeInOrder_AndOnlyTheGoodOnesArrive_Once()
    {
        var filter = new FaultInjectingMailboxFilter(onRcptTo: to => to.StartsWith("nobody", StringComparison.Ordinal)
            ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such user")
            : null);
        await using var inbox = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions { Tls = InboxTlsMode.None, MailboxFilter = filter, MaxMessageSize = 20_000 });
        var smtp = OptionsFor(inbox, trustTestCertificate: false);
        smtp.PoolSize = 2;
        await using var provider = Build(concurrency: 4, _ => new SmtpTransport(smtp));
        var messages = Enumerable.Range(0, 12).Select(i => i switch
        {
            1 or 9 => Message($"m{i}", "nobody@example.net"),                                        // refused at RCPT TO
            5 => Message($"m{i}") with { To = [] },                                                  // not sendable: never handed over
            7 => Message($"m{i}") with { HtmlBody = "<p>" + new string('x', 40_000) + "</p>" },     // over the server's SIZE: refused at MAIL FROM
            _ => Message($"m{i}", $"user{i}@example.net"),
        }).ToArray();

        var outcomes = await ToListAsync(provider.GetRequiredService<IMailer>().SendManyAsync(Stream(messages), Timeout()));

        Assert.Equal(messages.Select(m => m.Subject), outcomes.Select(o => o.Message.Subject));
        var good = new[] { 0, 2, 3, 4, 6, 8, 10, 11 };
        Assert.All(good, i => Assert.True(outcomes[i].Succeeded, $"m{i}: {outcomes[i].Failure?.Message}"));
        Assert.All(new[] { 1, 9 }, i => Assert.Equal(550, outcomes[i].Failure?.StatusCode));
        Assert.IsType<ArgumentException>(outcomes[5].Failure?.InnerException);
        Assert.Equal(552, outcomes[7].Failure?.StatusCode);
        Assert.All(new[] { 1, 5, 7, 9 }, i => Assert.False(outcomes[i].Failure!.MayHaveBeenDelivered));

        var received = await inbox.WaitForMessagesAsync(good.Length, Timeout());
        Assert.Equal(good.Select(i => $"m{i}").Order(StringComparer.Ordinal), received.Select(r => r.Message.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(good.Select(i => outcomes[i].Result!.MessageId).Order(StringComparer.Ordinal), received.Select(r => r.Message.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AServerThatDropsMidBatch_FailsOnlyTheMessageInFlight_AsMaybeDelivered_AndTheRestGoOnceOnANewConnection()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, MessagesInSession: 2, Verb: "END-OF-DATA" } ? ScriptedReply.DropConnection : null);
        var smtp = OptionsFor(server);
        smtp.PoolSize = 1;
        await using var transport = new SmtpTransport(smtp);
        await using var provider = Build(concurrency: 3, _ => transport);
        var messages = Enumerable.Range(0, 10).Select(i => Message($"m{i}", $"user{i}@example.net")).ToArray();

        var outcomes = await ToListAsync(provider.GetRequiredService<IMailer>().SendManyAsync(Stream(messages), Timeout()));

        Assert.Equal(messages.Select(m => m.Subject), outcomes.Select(o => o.Message.Subject));
        var dropped = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.True(dropped.Failure!.MayHaveBeenDelivered);
        // The server read the dropped message's data once and never again; every other message it accepted exactly once.
        Assert.Equal(10, server.DataReceived.Count);
        Assert.Single(server.DataReceived, data => data.Contains($"Subject: {dropped.Message.Subject}\r\n", StringComparison.Ordinal));
        var accepted = server.Messages.Select(SubjectOf).ToArray();
        Assert.Equal(outcomes.Where(o => o.Succeeded).Select(o => o.Message.Subject!).Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
        Assert.Equal(2, server.Sessions);
        Assert.Equal(2, transport.OpenedConnections);
    }

    [Fact]
    public async Task ASlowReader_HoldsBackTheSource_AndBreakingOffStopsIt()
    {
        await using var provider = Build(concurrency: 2, transport: null);
        var memory = provider.GetRequiredService<InMemoryTransport>();
        var pulled = 0;
        var source = Stream(Enumerable.Range(0, 10_000).Select(i => Message($"m{i}", $"user{i}@example.net")), () => Interlocked.Increment(ref pulled));

        await using (var reading = provider.GetRequiredService<IMailer>().SendManyAsync(source, Timeout()).GetAsyncEnumerator())
        {
            Assert.True(await reading.MoveNextAsync());
            Assert.Equal("m0", reading.Current.Message.Subject);
            await Task.Delay(TimeSpan.FromMilliseconds(300));

            // One outcome read, at most four per concurrent send unread, and the one message waiting for room.
            Assert.InRange(Volatile.Read(ref pulled), 2, 1 + (4 * 2) + 2);
        }

        var pulledWhenStopped = Volatile.Read(ref pulled);
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Assert.Equal(pulledWhenStopped, Volatile.Read(ref pulled));
        Assert.InRange(memory.SentCount, 1, pulledWhenStopped);
        Assert.Equal(memory.SentCount, memory.Sent.Select(s => s.Subject).Distinct().Count());
    }

    [Fact]
    public async Task ANullMessage_EndsTheStreamWithAnArgumentException_AfterTheOutcomesBeforeIt()
    {
        await using var provider = Build(concurrency: 2, transport: null);
        var seen = new List<string?>();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var outcome in provider.GetRequiredService<IMailer>().SendManyAsync(Stream([Message("a"), Message("b"), null!, Message("c")]), Timeout()))
            {
                seen.Add(outcome.Message.Subject);
            }
        });

        Assert.Contains("Message 2 is null", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], seen);
    }

    private static ServiceProvider Build(int concurrency, Func<IServiceProvider, IEmailTransport>? transport)
    {
        var services = new ServiceCollection();
        var mailing = services.AddMailing(o => { o.From = "shop@example.com"; o.SendManyConcurrency = concurrency; });
        if (transport is null)
        {
            mailing.UseInMemoryTransport();
        }
        else
        {
            mailing.UseTransport(transport);
        }

        return services.BuildServiceProvider();
    }

    private static async IAsyncEnumerable<EmailMessage> Stream(IEnumerable<EmailMessage> messages, Action? onPull = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in messages)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            onPull?.Invoke();
            yield return message;
        }
    }

    private static async Task<List<SendOutcome>> ToListAsync(IAsyncEnumerable<SendOutcome> outcomes)
    {
        var list = new List<SendOutcome>();
        await foreach (var outcome in outcomes)
        {
            list.Add(outcome);
        }

        return list;
    }

    private static string SubjectOf(string data) =>
        data.Split("\r\n").First(line => line.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];
}
