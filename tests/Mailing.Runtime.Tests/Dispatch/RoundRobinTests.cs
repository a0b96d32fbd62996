using Mailing.Dispatch;
using Mailing.Transports.Smtp;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Dispatch;

public sealed class RoundRobinTests
{
    [Fact]
    public async Task Messages_AreSpreadEvenly_EachArrivingOnce()
    {
        await using var firstInbox = await StartInboxAsync();
        await using var secondInbox = await StartInboxAsync();
        await using var first = new SmtpTransport(OptionsFor(firstInbox), name: "first");
        await using var second = new SmtpTransport(OptionsFor(secondInbox), name: "second");
        var roundRobin = new RoundRobinTransport([first, second], new DispatchPolicy { MaxRetries = 0 });

        var results = new List<SendResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await roundRobin.SendAsync(Message($"m{i}"), Timeout()));
        }

        var firstReceived = await firstInbox.WaitForMessagesAsync(3, Timeout());
        var secondReceived = await secondInbox.WaitForMessagesAsync(3, Timeout());
        Assert.Equal(3, results.Count(r => r.TransportName == "first"));
        Assert.Equal(3, results.Count(r => r.TransportName == "second"));
        Assert.Equal(
            Enumerable.Range(0, 6).Select(i => $"m{i}"),
            firstReceived.Concat(secondReceived).Select(m => m.Message.Subject).Order());
    }

    [Fact]
    public async Task AFailingTransport_HandsItsTurnToTheNext_SoEveryMessageArrivesOnce()
    {
        await using var inbox = await StartInboxAsync();
        await using var dead = DeadTransport("dead");
        await using var healthy = new SmtpTransport(OptionsFor(inbox), name: "healthy");
        var roundRobin = new RoundRobinTransport([dead, healthy], new DispatchPolicy { MaxRetries = 0 });

        var results = new List<SendResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await roundRobin.SendAsync(Message($"m{i}"), Timeout()));
        }

        Assert.All(results, r => Assert.Equal("healthy", r.TransportName));
        Assert.Equal([2, 1, 2, 1], results.Select(r => r.Attempts));
        Assert.Equal(4, (await inbox.WaitForMessagesAsync(4, Timeout())).Select(m => m.Message.MessageId).Distinct().Count());
    }
}
