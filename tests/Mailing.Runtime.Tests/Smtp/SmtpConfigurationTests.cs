using Mailing.DevInbox;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>UseSmtp binds from configuration, validates at start-up naming the key, and sends through the mailer.</summary>
public sealed class SmtpConfigurationTests
{
    [Fact]
    public void ProviderKey_AppliesThePreset()
    {
        using var provider = Build(new()
        {
            ["Mailing:Smtp:Provider"] = "AmazonSes",
            ["Mailing:Smtp:Region"] = "ap-southeast-2",
            ["Mailing:Smtp:Username"] = "AKIA",
            ["Mailing:Smtp:Password"] = "secret",
        });

        var options = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.Equal("email-smtp.ap-southeast-2.amazonaws.com", options.Host);
        Assert.Equal(587, options.Port);
        Assert.Equal(SmtpSecurity.StartTls, options.EffectiveSecurity);
    }

    [Fact]
    public void ProviderSetInCode_AppliesThePreset_AndAnUnknownOneFailsValidation()
    {
        var services = new ServiceCollection();
        services.AddMailing(o => o.From = "shop@example.com").UseSmtp(o => { o.Provider = "SendGrid"; o.Password = "SG.key"; });
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal("smtp.sendgrid.net", options.Host);
        Assert.Equal("apikey", options.Username);

        var unknown = new ServiceCollection();
        unknown.AddMailing(o => o.From = "shop@example.com").UseSmtp(o => o.Provider = "Sendgird");
        using var unknownProvider = unknown.BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(() => unknownProvider.GetRequiredService<IOptions<SmtpOptions>>().Value);
        Assert.Contains("Mailing:Smtp:Provider: Provider 'Sendgird' is not known", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Port25InConfiguration_FailsValidation_NamingTheKeyAndTheFix()
    {
        using var provider = Build(new() { ["Mailing:Smtp:Host"] = "smtp.example.com", ["Mailing:Smtp:Port"] = "25" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains("Mailing:Smtp:Port is 25", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:Smtp:AllowPort25", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnparsableValues_AreReportedWithTheirKey()
    {
        using var provider = Build(new()
        {
            ["Mailing:Smtp:Host"] = "smtp.example.com",
            ["Mailing:Smtp:Port"] = "five-eight-seven",
            ["Mailing:Smtp:Security"] = "Opportunistic",
            ["Mailing:Smtp:SendTimeout"] = "soon",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains("Mailing:Smtp:Port is \"five-eight-seven\", which is not 587 or 465", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:Smtp:Security is \"Opportunistic\", which is not Auto, StartTls, ImplicitTls or None", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:Smtp:SendTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityNoneForARemoteHost_FailsValidation()
    {
        using var provider = Build(new() { ["Mailing:Smtp:Host"] = "smtp.example.com", ["Mailing:Smtp:Security"] = "None" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains("Mailing:Smtp:Security is None", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredFromJsonKeys_TheTransportDeliversOverStartTlsWithAuth_TrustingAPemFile()
    {
        await using var inbox = await StartInboxAsync();
        var pem = Path.Combine(Path.GetTempPath(), $"mailing-test-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(pem, TestCertificates.PublicPart.ExportCertificatePem());
        try
        {
            using var provider = Build(new()
            {
                ["Mailing:Smtp:Host"] = "127.0.0.1",
                ["Mailing:Smtp:Port"] = inbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mailing:Smtp:Security"] = "StartTls",
                ["Mailing:Smtp:Username"] = Username,
                ["Mailing:Smtp:Password"] = Password,
                ["Mailing:Smtp:TrustedCertificateFiles:0"] = pem,
            });

            var transport = provider.GetRequiredService<IEmailTransport>();
            await transport.SendAsync(Message("Configured"), Timeout());

            var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
            Assert.Equal("Configured", received.Message.Subject);
            Assert.True(received.WasSecure);
            Assert.IsType<SmtpTransport>(transport);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public void AddMailing_WithAnSmtpDsn_SendsThroughSmtp()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "smtp://apikey:SG.secret@smtp.sendgrid.net:587",
        }).Build();
        var services = new ServiceCollection();
        services.AddMailing(configuration.GetSection("Mailing"));
        using var provider = services.BuildServiceProvider();

        var transport = provider.GetRequiredService<IEmailTransport>();
        var options = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.IsType<SmtpTransport>(transport);
        Assert.Equal("smtp.sendgrid.net", options.Host);
        Assert.Equal("apikey", options.Username);
        Assert.Equal(SmtpSecurity.StartTls, options.EffectiveSecurity);
    }

    [Fact]
    public void AddMailing_WithOnlyAnSmtpSection_SendsThroughSmtp()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Smtp:Provider"] = "Postmark",
            ["Mailing:Smtp:Password"] = "pm-token",
        }).Build();
        var services = new ServiceCollection();
        services.AddMailing(configuration.GetSection("Mailing"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.IsType<SmtpTransport>(provider.GetRequiredService<IEmailTransport>());
        Assert.Equal("smtp.postmarkapp.com", options.Host);
        Assert.Equal("pm-token", options.Username);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Mailing:From"] = "shop@example.com";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddMailing(configuration.GetSection("Mailing")).UseSmtp(configuration.GetSection("Mailing:Smtp"));
        return services.BuildServiceProvider();
    }
}
