using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.DependencyInjection;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Sending;

/// <summary>SendManyAsync without a batch endpoint: bounded concurrency, one outcome per message, nothing dropped.</summary>
public sealed class SendManyTests
{
    [Fact]
    public async Task ManyMessagesOverSmtp_EachArriveExactlyOnce_WithAnOutcomeInOrder()
    {
        await using var inbox = await StartInboxAsync();
        var services = new ServiceCollection();
        services.AddMailing(o => { o.From = "shop@example.com"; o.SendManyConcurrency = 4; })
            .UseTransport(_ => new SmtpTransport(OptionsFor(inbox)));
        await using var provider = services.BuildServiceProvider();
        var messages = Enumerable.Range(0, 30).Select(i => Message($"n{i}", $"user{i}@example.net")).ToArray();

        var outcomes = await provider.GetRequiredService<IMailer>().SendManyAsync(messages, Timeout());

        Assert.Equal(30, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(messages.Select(m => m.Subject), outcomes.Select(o => o.Message.Subject));
        var received = await inbox.WaitForMessagesAsync(30, Timeout());
        Assert.Equal(30, received.Select(r => r.Message.MessageId).Distinct().Count());
        Assert.Equal(outcomes.Select(o => o.Result!.MessageId).Order(), received.Select(r => r.Message.MessageId).Order());
    }

    [Fact]
    public async Task OneBadMessageAndOneRefusal_FailOnlyThemselves()
    {
        var services = new ServiceCollection();
        // One at a time, so the queued refusal meets the first message, not whichever send runs first.
        services.AddMailing(o => { o.From = "shop@example.com"; o.SendManyConcurrency = 1; }).UseInMemoryTransport();
        await using var provider = services.BuildServiceProvider();
        var memory = provider.GetRequiredService<InMemoryTransport>();
        memory.FailNext(new MailDeliveryException(MailFailureKind.Rejected, "550 5.7.1 content refused") { TransportName = "memory" });

        var outcomes = await provider.GetRequiredService<IMailer>().SendManyAsync(
        [
            new EmailMessage { To = ["first@example.com"], Subject = "refused", TextBody = "x" },
            new EmailMessage { Subject = "nobody", TextBody = "x" },
            new EmailMessage { To = ["third@example.com"], Subject = "fine", TextBody = "x" },
        ]);

        Assert.Equal(MailFailureKind.Rejected, outcomes[0].Failure?.Kind);
        Assert.Contains("content refused", outcomes[0].Failure?.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(outcomes[1].Failure?.InnerException);
        Assert.Contains("no recipients", outcomes[1].Failure?.Message, StringComparison.Ordinal);
        Assert.True(outcomes[2].Succeeded);
        Assert.Equal("fine", Assert.Single(memory.Sent).Subject);
    }
}
