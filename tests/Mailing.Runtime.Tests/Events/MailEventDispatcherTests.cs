using Mailing.Transports.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.Runtime.Tests.Events;

/// <summary>What happens to an event after a webhook verified it: the suppression list first, then every handler in order.</summary>
public sealed class MailEventDispatcherTests
{
    private static readonly DateTimeOffset At = new(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<MailEvent, SuppressionReason?> Events => new()
    {
        { new MailBounced { Provider = "sendgrid", EventId = "e1", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}", Kind = BounceKind.Hard }, SuppressionReason.HardBounce },
        { new MailBounced { Provider = "sendgrid", EventId = "e2", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}", Kind = BounceKind.Soft }, null },
        { new MailComplained { Provider = "postmark", EventId = "e3", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}" }, SuppressionReason.Complaint },
        { new MailUnsubscribed { Provider = "mailgun", EventId = "e4", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}" }, SuppressionReason.Unsubscribed },
        { new MailDeferred { Provider = "mailgun", EventId = "e5", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}" }, null },
        { new MailDropped { Provider = "sendgrid", EventId = "e6", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}" }, null },
        { new MailDelivered { Provider = "resend", EventId = "e7", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}" }, null },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task HardBouncesComplaintsAndUnsubscribes_PutTheRecipientOnTheList_OtherEventsDoNot(MailEvent mailEvent, SuppressionReason? expected)
    {
        await using var provider = Build(out _);
        await using var scope = provider.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<IMailEventDispatcher>().DispatchAsync(mailEvent);

        var entry = await provider.GetRequiredService<ISuppressionList>().FindAsync("ann@example.com");
        Assert.Equal(expected, entry?.Reason);
        if (expected is not null)
        {
            Assert.Equal(At, entry!.SuppressedAt);
            Assert.Contains(mailEvent.Provider, entry.Source, StringComparison.Ordinal);
            Assert.Contains(mailEvent.EventId, entry.Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryHandlerRuns_InRegistrationOrder_AfterTheListIsUpdated()
    {
        await using var provider = Build(out var calls);
        await using var scope = provider.CreateAsyncScope();
        var bounce = new MailBounced { Provider = "sendgrid", EventId = "e1", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}", Kind = BounceKind.Hard };

        await scope.ServiceProvider.GetRequiredService<IMailEventDispatcher>().DispatchAsync(bounce);

        Assert.Equal(["first e1 suppressed=True", "second e1"], calls);
    }

    [Fact]
    public async Task AFailingHandler_StopsTheOnesAfterIt_AndTheCallerSeesItsException()
    {
        await using var provider = Build(out var calls, failFirst: true);
        await using var scope = provider.CreateAsyncScope();
        var delivered = new MailDelivered { Provider = "postmark", EventId = "d1", Timestamp = At, Recipient = "ann@example.com", RawJson = "{}" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IMailEventDispatcher>().DispatchAsync(delivered));

        Assert.Equal("database down", error.Message);
        Assert.Equal(["first d1 suppressed=False"], calls);
    }

    [Fact]
    public async Task ARecipientThatIsNotAnAddress_IsNotSuppressed_AndDoesNotFailTheEvent()
    {
        await using var provider = Build(out var calls);
        await using var scope = provider.CreateAsyncScope();
        var bounce = new MailBounced { Provider = "sendgrid", EventId = "e9", Timestamp = At, Recipient = "not an email address", RawJson = "{}", Kind = BounceKind.Hard };

        await scope.ServiceProvider.GetRequiredService<IMailEventDispatcher>().DispatchAsync(bounce);

        Assert.Equal(0, ((InMemorySuppressionList)provider.GetRequiredService<ISuppressionList>()).Count);
        Assert.Equal(2, calls.Count);
    }

    [Fact]
    public void AnEventPrinted_ShowsWhatIdentifiesIt_NeverTheRecipientOrPayload()
    {
        var bounce = new MailBounced
        {
            Provider = "sendgrid", EventId = "e1", Timestamp = At, Recipient = "ann@example.com", RawJson = """{"email":"ann@example.com"}""",
            Kind = BounceKind.Hard, Diagnostic = "550 5.1.1 <ann@example.com> unknown", EnhancedStatusCode = "5.1.1", MessageId = "m1@shop.example",
        };

        var text = bounce.ToString();

        Assert.Equal("MailBounced { Provider = sendgrid, EventId = e1, Timestamp = 2024-05-06T09:00:00.0000000+00:00, MessageId = m1@shop.example, Kind = Hard, EnhancedStatusCode = 5.1.1 }", text);
    }

    private static ServiceProvider Build(out List<string> calls, bool failFirst = false)
    {
        var log = new List<string>();
        calls = log;
        var services = new ServiceCollection();
        services.AddSingleton(log);
        services.AddSingleton(new FirstHandler.Options(failFirst));
        services.AddMailing(o => o.From = "shop@example.com").UseInMemoryTransport().AddEventHandler<FirstHandler>().AddEventHandler<SecondHandler>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class FirstHandler(List<string> calls, ISuppressionList list, FirstHandler.Options options) : IMailEventHandler
    {
        public async Task HandleAsync(MailEvent mailEvent, CancellationToken cancellationToken)
        {
            var suppressed = await list.FindAsync("ann@example.com", cancellationToken) is not null;
            calls.Add($"first {mailEvent.EventId} suppressed={suppressed}");
            if (options.Fail)
            {
                throw new InvalidOperationException("database down");
            }
        }

        public sealed record Options(bool Fail);
    }

    private sealed class SecondHandler(List<string> calls) : IMailEventHandler
    {
        public Task HandleAsync(MailEvent mailEvent, CancellationToken cancellationToken)
        {
            calls.Add($"second {mailEvent.EventId}");
            return Task.CompletedTask;
        }
    }
}
