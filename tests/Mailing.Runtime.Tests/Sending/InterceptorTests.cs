using Mailing.Transports.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailing.Tests.Sending;

/// <summary>Interceptors change or stop messages before any transport sees them; observers hear every outcome.</summary>
public sealed class InterceptorTests
{
    [Fact]
    public async Task AnInterceptor_ChangesTheMessageThatIsSent()
    {
        await using var provider = Build(b => b.AddInterceptor(new AddHeader("X-Environment", "staging")));

        await provider.GetRequiredService<IMailer>().SendAsync(Message("ann@example.com"));

        var sent = Assert.Single(provider.GetRequiredService<InMemoryTransport>().Sent);
        Assert.Equal("staging", Headers(sent)["X-Environment"]);
    }

    [Fact]
    public async Task AVeto_SendsNothing_TellsObservers_AndSaysWhyInTheResult()
    {
        var observer = new RecordingObserver();
        await using var provider = Build(b => b.AddInterceptor(new VetoAll("suppressed address")).AddObserver(observer));

        var result = await provider.GetRequiredService<IMailer>().SendAsync(Message("ann@example.com"));

        Assert.False(result.WasSent);
        Assert.Equal("suppressed address", result.VetoReason);
        Assert.Empty(result.AcceptedRecipients);
        Assert.Empty(provider.GetRequiredService<InMemoryTransport>().Sent);
        Assert.Equal(["vetoed: suppressed address"], observer.Events);
    }

    [Fact]
    public async Task Observers_HearSuccessAndFailure_AndOneThatThrowsChangesNothing()
    {
        var observer = new RecordingObserver();
        await using var provider = Build(b => b.AddObserver(new ThrowingObserver()).AddObserver(observer));
        var memory = provider.GetRequiredService<InMemoryTransport>();
        var mailer = provider.GetRequiredService<IMailer>();

        var sent = await mailer.SendAsync(Message("ann@example.com"));
        memory.FailNext(new MailDeliveryException(MailFailureKind.Transient, "503") { TransportName = "memory" });
        await Assert.ThrowsAsync<MailDeliveryException>(() => mailer.SendAsync(Message("bob@example.com")));

        Assert.True(sent.WasSent);
        Assert.Equal([$"sent: {sent.MessageId}", "failed: Transient"], observer.Events);
    }

    [Fact]
    public async Task RedirectAllMail_SendsToTheRedirectAddress_KeepingTheOriginalsInAHeader()
    {
        await using var provider = Build(b => b.RedirectAllMailTo("qa@company.test"));

        await provider.GetRequiredService<IMailer>().SendAsync(Message("ann@example.com") with { Cc = ["Bob <bob@example.com>"], Bcc = ["secret@example.com"] });

        var sent = Assert.Single(provider.GetRequiredService<InMemoryTransport>().Sent);
        Assert.Equal(["qa@company.test"], sent.Message.AllRecipients.Select(a => a.Address));
        Assert.Equal("ann@example.com, \"Bob\" <bob@example.com>", Headers(sent)["X-Original-To"]);
        Assert.Equal("secret@example.com", Headers(sent)["X-Original-Bcc"]);
    }

    [Fact]
    public async Task AllowedRecipients_LetsMatchingOnesThrough_AndRedirectsTheRestWithoutShowingBcc()
    {
        await using var provider = Build(b => b.AllowRecipients("*@company.test").RedirectAllMailTo("qa@company.test"));

        await provider.GetRequiredService<IMailer>().SendAsync(Message("dev@company.test") with { Cc = ["ann@example.com"], Bcc = ["secret@example.com"] });

        var sent = Assert.Single(provider.GetRequiredService<InMemoryTransport>().Sent);
        Assert.Equal(["dev@company.test", "qa@company.test"], sent.Message.AllRecipients.Select(a => a.Address));
        Assert.Equal("dev@company.test, ann@example.com", Headers(sent)["X-Original-To"]);
        Assert.Null(Headers(sent)["X-Original-Bcc"]);
    }

    [Fact]
    public async Task AllowedRecipientsFromConfiguration_WithoutRedirect_StopsMailThatWouldReachNobodyAllowed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "memory://default",
            ["Mailing:Staging:AllowedRecipients:0"] = "@company.test",
            ["Mailing:Staging:AllowedRecipients:1"] = "ann@example.com",
        }).Build();
        var services = new ServiceCollection();
        services.AddMailing(configuration.GetSection("Mailing"));
        await using var provider = services.BuildServiceProvider();
        var mailer = provider.GetRequiredService<IMailer>();

        var stopped = await mailer.SendAsync(Message("customer@example.org"));
        var allowed = await mailer.SendAsync(Message("ANN@example.com"));

        Assert.False(stopped.WasSent);
        Assert.Contains("Mailing:Staging:AllowedRecipients", stopped.VetoReason, StringComparison.Ordinal);
        Assert.True(allowed.WasSent);
        Assert.Equal("ANN@example.com", Assert.Single(provider.GetRequiredService<InMemoryTransport>().Sent).Message.To.Single().Address);
    }

    private static MimeKit.HeaderList Headers(SentEmail sent) =>
        MimeKit.MimeMessage.Load(new MemoryStream(sent.MimeBytes.ToArray())).Headers;

    private static EmailMessage Message(string to) => new() { To = [to], Subject = "Hello", TextBody = "Hi" };

    private static ServiceProvider Build(Action<MailingBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddMailing(o => o.From = "shop@example.com").UseInMemoryTransport());
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<MailingOptions>>().Value;
        return provider;
    }

    private sealed class AddHeader(string name, string value) : IMailInterceptor
    {
        public ValueTask OnSendingAsync(MailSendingContext context, CancellationToken cancellationToken)
        {
            context.Message = context.Message.WithHeader(name, value);
            return default;
        }
    }

    private sealed class VetoAll(string reason) : IMailInterceptor
    {
        public ValueTask OnSendingAsync(MailSendingContext context, CancellationToken cancellationToken)
        {
            context.Veto(reason);
            return default;
        }
    }

    private sealed class RecordingObserver : IMailObserver
    {
        public List<string> Events { get; } = [];

        public ValueTask OnSentAsync(EmailMessage message, SendResult result, CancellationToken cancellationToken)
        {
            Events.Add($"sent: {result.MessageId}");
            return default;
        }

        public ValueTask OnVetoedAsync(EmailMessage message, string reason, CancellationToken cancellationToken)
        {
            Events.Add($"vetoed: {reason}");
            return default;
        }

        public ValueTask OnFailedAsync(EmailMessage message, MailDeliveryException failure, CancellationToken cancellationToken)
        {
            Events.Add($"failed: {failure.Kind}");
            return default;
        }
    }

    private sealed class ThrowingObserver : IMailObserver
    {
        public ValueTask OnSentAsync(EmailMessage message, SendResult result, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("observer bug");
    }
}
