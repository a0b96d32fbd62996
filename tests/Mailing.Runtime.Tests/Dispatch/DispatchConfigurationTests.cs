using Mailing.Dispatch;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports;
using Mailing.Transports.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Dispatch;

/// <summary>Named transports, lists, routes and the dispatch policy from configuration, as an application sets them up.</summary>
public sealed class DispatchConfigurationTests
{
    [Fact]
    public async Task FailoverFromConfiguration_UsesTheSharedSmtpSettings_AndDeliversThroughTheBackup()
    {
        await using var inbox = await StartInboxAsync();
        var pem = Path.Combine(Path.GetTempPath(), $"mailing-test-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(pem, TestCertificates.PublicPart.ExportCertificatePem());
        try
        {
            await using var provider = Build(new()
            {
                ["Mailing:From"] = "shop@example.com",
                ["Mailing:Transport"] = "failover(primary backup)",
                ["Mailing:Transports:primary"] = $"smtp://127.0.0.1:{UnusedLoopbackPort()}?security=none",
                ["Mailing:Transports:backup"] = $"smtp://{Username}:{Password}@localhost:{inbox.Port}",
                // The backup's DSN says nothing about certificates: the trust anchor comes from Mailing:Smtp.
                ["Mailing:Smtp:TrustedCertificateFiles:0"] = pem,
                ["Mailing:Dispatch:MaxRetries"] = "0",
            });

            var result = await provider.GetRequiredService<IMailer>().SendAsync(Message("Via the backup"), Timeout());

            var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
            Assert.Equal("Via the backup", received.Message.Subject);
            Assert.True(received.WasSecure);
            Assert.Equal("backup", result.TransportName);
            Assert.Equal(2, result.Attempts);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public async Task AMessageNamingATransport_GoesThroughIt_AndRoutesPickTheRest()
    {
        await using var provider = Build(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "transactional",
            ["Mailing:Transports:transactional"] = "memory://default",
            ["Mailing:Transports:bulk"] = "memory://default",
            ["Mailing:Transports:audit"] = "memory://default",
            ["Mailing:Routes:0:Tag"] = "newsletter",
            ["Mailing:Routes:0:Transport"] = "bulk",
        });
        var mailer = provider.GetRequiredService<IMailer>();
        var transports = provider.GetRequiredService<ConfiguredTransports>();

        var plain = await mailer.SendAsync(Message("Receipt"));
        var newsletter = await mailer.SendAsync(Message("News").WithTag("newsletter"));
        var chosen = await mailer.SendAsync(Message("News for the auditor").WithTag("newsletter").WithTransport("audit"));

        Assert.Equal(["transactional", "bulk", "audit"], new[] { plain.TransportName, newsletter.TransportName, chosen.TransportName });
        Assert.Equal("Receipt", Assert.Single(((InMemoryTransport)transports["transactional"]).Sent).Message.Subject);
        Assert.Equal("News", Assert.Single(((InMemoryTransport)transports["bulk"]).Sent).Message.Subject);
        Assert.Equal("News for the auditor", Assert.Single(((InMemoryTransport)transports["audit"]).Sent).Message.Subject);
    }

    [Fact]
    public async Task ATransportNamedInSeveralPlaces_IsOneTransport()
    {
        await using var provider = Build(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "failover(main spare)",
            ["Mailing:Transports:main"] = "memory://default",
            ["Mailing:Transports:spare"] = "memory://default",
            ["Mailing:Transports:alias"] = "main",
        });
        var transports = provider.GetRequiredService<ConfiguredTransports>();

        await provider.GetRequiredService<IMailer>().SendAsync(Message());

        Assert.Same(transports["main"], transports["alias"]);
        Assert.Single(((InMemoryTransport)transports["main"]).Sent);
        Assert.Empty(((InMemoryTransport)transports["spare"]).Sent);
    }

    [Fact]
    public async Task AMemoryTransportDsn_WithADispatchSection_IsTheInMemoryTransportTestsResolve()
    {
        // docs/testing.md: a test sets Mailing:Transport to memory://default over an app's settings, which may have a
        // Dispatch section; the captured mail must still be there to assert on.
        await using var provider = Build(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "memory://default",
            ["Mailing:Dispatch:MaxRetries"] = "2",
        });

        await provider.GetRequiredService<IMailer>().SendAsync(Message("Captured"));

        Assert.Equal("Captured", Assert.Single(provider.GetRequiredService<InMemoryTransport>().Sent).Message.Subject);
    }

    [Fact]
    public async Task AMessageNamingAnUnknownTransport_FailsAsConfiguration_ListingTheNames()
    {
        await using var provider = Build(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transports:main"] = "memory://default",
            ["Mailing:Transports:bulk"] = "memory://default",
            ["Mailing:Transport"] = "main",
        });

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => provider.GetRequiredService<IMailer>().SendAsync(Message().WithTransport("bluk")));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("\"bluk\", which is not configured", failure.Message, StringComparison.Ordinal);
        Assert.Contains("bulk, main", failure.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mailing:Transport", "failover(main missing)", "Mailing:Transport names the transport \"missing\", which is not configured (configured: main)")]
    [InlineData("Mailing:Transport", "failover(main", "Mailing:Transport is not a valid DSN or transport list: failover( has no closing ')'")]
    [InlineData("Mailing:Transport", "carrierpigeon://default", "uses the scheme \"carrierpigeon\", which no registered transport handles")]
    [InlineData("Mailing:Transports:other", "smtp://user:hunter2@:587", "Mailing:Transports:other is not a valid DSN or transport list")]
    [InlineData("Mailing:Transports:loop", "failover(main loop)", "refers back to itself through \"loop\"")]
    [InlineData("Mailing:Dispatch:MaxRetries", "many", "Mailing:Dispatch:MaxRetries is \"many\", which is not a whole number")]
    [InlineData("Mailing:Routes:0:Tag", "newsletter", "Mailing:Routes:0 must have \"Transport\"")]
    [InlineData("Mailing:Staging:AllowedRecipients", "nobody", "\"nobody\" is not a recipient pattern")]
    [InlineData("Mailing:Transports:postmark:MessageStream", "outbound", "Mailing:Transports:postmark:ApiKey is missing")]
    [InlineData("Mailing:Transports:relay:Kind", "smtp", "Mailing:Transports:relay has neither Dsn nor Type")]
    public async Task BadConfiguration_StopsTheHostAtStartUp_NamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transports:main"] = "memory://default",
            ["Mailing:Transport"] = "main",
            [key] = value,
        };

        var failure = await StartHostExpectingFailure(settings);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiKeyInADsn_NeverAppearsInErrorsOrNames()
    {
        var failure = await StartHostExpectingFailure(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "failover(postmark+api://pm-SECRET-token@default?bogus=1 sendgrid+api://SG.SECRET@elsewhere resend+api://re_SECRET@default?endpoint=http://proxy.example.com/)",
        });

        Assert.Contains("bogus", failure.Message, StringComparison.Ordinal);
        Assert.Contains("elsewhere", failure.Message, StringComparison.Ordinal);
        Assert.Contains("plain HTTP to a remote host", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", failure.Message, StringComparison.Ordinal);

        var services = new ServiceCollection();
        services.AddMailing(o => o.From = "shop@example.com").UseTransport("failover(postmark+api://pm-SECRET@default memory://default)");
        await using var provider = services.BuildServiceProvider();
        Assert.DoesNotContain("SECRET", provider.GetRequiredService<ConfiguredTransports>().Default.Name, StringComparison.Ordinal);
        Assert.Equal("postmark+api://****@default", TransportDsn.Parse("postmark+api://pm-SECRET@default").ToString());
    }

    [Fact]
    public async Task ARouteToAnUnknownTransport_IsReportedAtStartUp()
    {
        var failure = await StartHostExpectingFailure(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transports:main"] = "memory://default",
            ["Mailing:Transport"] = "main",
            ["Mailing:Routes:0:Template"] = "WeeklyDigestEmail",
            ["Mailing:Routes:0:Transport"] = "bulk",
        });

        Assert.Contains("Mailing:Routes:0 (template WeeklyDigestEmail) sends to \"bulk\", which is not configured", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedTransportsWithoutADefault_AskWhichOneIsTheDefault()
    {
        var failure = await StartHostExpectingFailure(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transports:a"] = "memory://default",
            ["Mailing:Transports:b"] = "memory://default",
        });

        Assert.Contains("Mailing:Transport is missing: name the transport messages go through by default (a, b)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnSmtpTransportSection_TakesTheSharedSettingsAndItsOwn()
    {
        var failure = await StartHostExpectingFailure(new()
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "relay",
            ["Mailing:Transports:relay:Type"] = "smtp",
            ["Mailing:Transports:relay:Host"] = "relay.example.com",
            ["Mailing:Transports:relay:Port"] = "25",
        });

        Assert.Contains("Mailing:Transports:relay:Port is 25", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutesAndPolicyInCode_WorkLikeConfiguration()
    {
        var services = new ServiceCollection();
        services.AddMailing(o => o.From = "shop@example.com")
            .UseInMemoryTransport()
            .AddTransport("bulk", "memory://default")
            .RouteTemplate<Mailing.Runtime.Tests.TestSupport.WelcomeEmail>("bulk")
            .ConfigureDispatch(p => p.MaxRetries = 0);
        await using var provider = services.BuildServiceProvider();

        var welcome = await provider.GetRequiredService<IMailer>().SendAsync(new Mailing.Runtime.Tests.TestSupport.WelcomeEmail { User = new(1, "Ann") }, "ann@example.com");
        var other = await provider.GetRequiredService<IMailer>().SendAsync(Message());

        Assert.Equal("bulk", welcome.TransportName);
        Assert.Equal("memory", other.TransportName);
        Assert.Single(provider.GetRequiredService<InMemoryTransport>().Sent);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddMailing(configuration.GetSection("Mailing"));
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<MailingOptions>>().Value; // validates like a host would at start-up
        return provider;
    }

    private static async Task<OptionsValidationException> StartHostExpectingFailure(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMailing(builder.Configuration.GetSection("Mailing"));
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
