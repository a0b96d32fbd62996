using System.Text.Json;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.Runtime.Tests.Suppression;

/// <summary>The suppression list as the mailer applies it: every send path, every reason, the transactional opt-out.</summary>
public sealed class SuppressionInTheSendPathTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Bounced = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly UnsubscribeTarget NewsletterUnsubscribe = new("https://shop.example/unsubscribe?token=t");
    private readonly ServiceProvider _provider;

    public SuppressionInTheSendPathTests()
    {
        var services = new ServiceCollection();
        services.AddMailing(o => o.From = "Shop <no-reply@shop.example>").UseInMemoryTransport();
        _provider = services.BuildServiceProvider();
    }

    private IMailer Mailer => _provider.GetRequiredService<IMailer>();

    private InMemoryTransport Mail => _provider.GetRequiredService<InMemoryTransport>();

    private ISuppressionList Suppressions => _provider.GetRequiredService<ISuppressionList>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    [Fact]
    public void AddMailing_KeepsTheListInMemory_UntilAnotherIsChosen()
    {
        Assert.IsType<InMemorySuppressionList>(Suppressions);
    }

    [Fact]
    public async Task AHardBouncedRecipient_IsWithheld_AndReportedWithItsEntry_WhileTheOthersGetTheMessage()
    {
        await Suppressions.AddAsync("gone@example.com", SuppressionReason.HardBounce, "sendgrid bounce event e1", Bounced);

        var result = await Mailer.SendAsync(new EmailMessage
        {
            To = ["ann@example.com", "Gone <GONE@Example.com>"],
            Bcc = ["audit@shop.example"],
            Subject = "Receipt",
            TextBody = "Thanks",
        });

        Assert.True(result.WasSent);
        var sent = Assert.Single(Mail.Sent);
        Assert.Equal(["ann@example.com"], sent.Message.To.Select(a => a.Address));
        Assert.Equal(["audit@shop.example"], sent.Message.Bcc.Select(a => a.Address));
        var rejection = Assert.Single(result.RejectedRecipients);
        Assert.Equal("GONE@Example.com", rejection.Recipient.Address);
        Assert.Equal(0, rejection.StatusCode);
        Assert.Equal(SuppressionReason.HardBounce, rejection.Suppression?.Reason);
        Assert.Equal("sendgrid bounce event e1", rejection.Suppression?.Source);
        Assert.Contains("hard bounce", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("2024-05-01", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageWhoseEveryRecipientIsSuppressed_IsNotSent_AndSaysSo()
    {
        await Suppressions.AddAsync("gone@example.com", SuppressionReason.HardBounce, "test", Bounced);
        await Suppressions.AddAsync("angry@example.com", SuppressionReason.Complaint, "test", Bounced);

        var result = await Mailer.SendAsync(new EmailMessage { To = ["gone@example.com"], Cc = ["angry@example.com"], Subject = "Hi", TextBody = "Hi" });

        Assert.False(result.WasSent);
        Assert.Empty(Mail.Sent);
        Assert.Equal(0, result.Attempts);
        Assert.Equal(
            "every recipient is on the suppression list (hard bounce: 1, spam complaint: 1); nothing was sent, see RejectedRecipients",
            result.VetoReason);
        Assert.Equal(["gone@example.com", "angry@example.com"], result.RejectedRecipients.Select(r => r.Recipient.Address));
        Assert.Empty(result.AcceptedRecipients);
    }

    [Fact]
    public async Task AnUnsubscribedAddress_StillGetsTransactionalMail_ButNoBulkMail()
    {
        await Suppressions.AddAsync("ann@example.com", SuppressionReason.Unsubscribed, "unsubscribe link", Bounced);

        var receipt = await Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "Receipt", TextBody = "Thanks" });
        var newsletter = await Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "News", TextBody = "News", Kind = EmailKind.Bulk, Unsubscribe = NewsletterUnsubscribe });

        Assert.True(receipt.WasSent);
        Assert.False(newsletter.WasSent);
        Assert.Equal(["Receipt"], Mail.Sent.Select(s => s.Subject));
        Assert.Equal(SuppressionReason.Unsubscribed, Assert.Single(newsletter.RejectedRecipients).Suppression?.Reason);
    }

    [Fact]
    public async Task ATransactionalMessage_CanSkipTheCheck_ToReachAnAddressThatOnceBounced()
    {
        await Suppressions.AddAsync("ann@example.com", SuppressionReason.HardBounce, "test", Bounced);

        var result = await Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "Reset your password", TextBody = "Link", SkipSuppressionCheck = true });

        Assert.True(result.WasSent);
        Assert.Empty(result.RejectedRecipients);
        Assert.Single(Mail.Sent);
    }

    [Fact]
    public async Task BulkMailThatAsksToSkipTheCheck_IsRefused_BeforeAnythingIsSent()
    {
        var bulk = new EmailMessage { To = ["ann@example.com"], Subject = "News", TextBody = "News", Kind = EmailKind.Bulk, Unsubscribe = NewsletterUnsubscribe, SkipSuppressionCheck = true };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Mailer.SendAsync(bulk));

        Assert.Contains("SkipSuppressionCheck", error.Message, StringComparison.Ordinal);
        Assert.Contains("EmailKind.Transactional", error.Message, StringComparison.Ordinal);
        Assert.Empty(Mail.Sent);
    }

    [Fact]
    public async Task SendMany_WithholdsSuppressedRecipients_FromEveryMessage_AndReportsEachOutcome()
    {
        await Suppressions.AddAsync("user1@example.com", SuppressionReason.HardBounce, "test", Bounced);
        var messages = Enumerable.Range(0, 3).Select(i => new EmailMessage { To = [$"user{i}@example.com"], Subject = $"m{i}", TextBody = "Hi", Kind = EmailKind.Bulk, Unsubscribe = NewsletterUnsubscribe }).ToList();
        messages[2] = messages[2].AddCc("user1@example.com");

        var outcomes = await Mailer.SendManyAsync(messages);

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.True(outcomes[0].Result!.WasSent);
        Assert.False(outcomes[1].Result!.WasSent);
        Assert.Equal("user1@example.com", Assert.Single(outcomes[1].Result!.RejectedRecipients).Recipient.Address);
        Assert.True(outcomes[2].Result!.WasSent);
        Assert.Equal("user1@example.com", Assert.Single(outcomes[2].Result!.RejectedRecipients).Recipient.Address);
        Assert.Equal(["m0", "m2"], Mail.Sent.Select(s => s.Subject).Order());
        Assert.Empty(Mail.Sent.Single(s => s.Subject == "m2").Message.Cc);
    }

    [Fact]
    public async Task SendMany_ThroughAProviderBatch_WithholdsSuppressedRecipients_BeforeTheBatchIsBuilt()
    {
        await using var postmark = await LoopbackHttpServer.StartAsync(request => HttpReply.Json(200, JsonSerializer.Serialize(
            request.Json().EnumerateArray().Select((m, i) => new { ErrorCode = 0, Message = "OK", MessageID = $"pm-{i}", To = m.GetProperty("To").GetString() }))));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = $"postmark+api://server-token@default?endpoint={postmark.BaseAddress}",
        }).Build();
        var services = new ServiceCollection();
        var suppressions = new InMemorySuppressionList();
        await suppressions.AddAsync("user1@example.com", SuppressionReason.Complaint, "test", Bounced);
        services.AddMailing(configuration.GetSection("Mailing")).UseSuppressionList(suppressions);
        await using var provider = services.BuildServiceProvider();
        var messages = Enumerable.Range(0, 4).Select(i => new EmailMessage { To = [$"user{i}@example.com"], Subject = $"m{i}", TextBody = "Hi", Kind = EmailKind.Bulk, Unsubscribe = NewsletterUnsubscribe });

        var outcomes = await provider.GetRequiredService<IMailer>().SendManyAsync(messages);

        var batch = Assert.Single(postmark.Requests).Json();
        Assert.Equal(["user0@example.com", "user2@example.com", "user3@example.com"], batch.EnumerateArray().Select(m => m.GetProperty("To").GetString()));
        Assert.Equal([true, false, true, true], outcomes.Select(o => o.Result!.WasSent));
        Assert.Equal(SuppressionReason.Complaint, Assert.Single(outcomes[1].Result!.RejectedRecipients).Suppression?.Reason);
    }

    [Fact]
    public async Task AStagingRedirect_IsCheckedToo_BecauseTheCheckRunsAfterTheInterceptors()
    {
        var services = new ServiceCollection();
        var suppressions = new InMemorySuppressionList();
        await suppressions.AddAsync("qa@company.test", SuppressionReason.HardBounce, "test", Bounced);
        services.AddMailing(o => o.From = "shop@example.com").UseInMemoryTransport().UseSuppressionList(suppressions).RedirectAllMailTo("qa@company.test");
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "Hi", TextBody = "Hi" });

        Assert.False(result.WasSent);
        Assert.Equal("qa@company.test", Assert.Single(result.RejectedRecipients).Recipient.Address);
        Assert.Empty(provider.GetRequiredService<InMemoryTransport>().Sent);
    }

    [Fact]
    public async Task TheFileStore_ChosenInConfiguration_IsWhatTheMailerReads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailing-suppressions-{Guid.NewGuid():N}.csv");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mailing:From"] = "shop@example.com",
                ["Mailing:Transport"] = "memory://default",
                ["Mailing:Suppression:File"] = path,
            }).Build();
            var services = new ServiceCollection();
            services.AddMailing(configuration.GetSection("Mailing"));
            await using (var provider = services.BuildServiceProvider())
            {
                var list = Assert.IsType<FileSuppressionList>(provider.GetRequiredService<ISuppressionList>());
                Assert.Equal(path, list.Path);
                await list.AddAsync("gone@example.com", SuppressionReason.HardBounce, "test", Bounced);
            }

            await using (var restarted = services.BuildServiceProvider())
            {
                var result = await restarted.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["gone@example.com"], Subject = "Hi", TextBody = "Hi" });

                Assert.False(result.WasSent);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MetadataUnderTheReservedKey_IsRefused_WithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage().WithMetadata(MailEvent.MessageIdMetadataKey, "x"));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(EmailMessage.Metadata), error.ParamName);
    }
}
