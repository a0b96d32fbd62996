using System.Text;
using Mailing.Transports;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mailing.Runtime.Tests.DependencyInjection;

public sealed class AddMailingTests
{
    private static IConfigurationSection Json(string json, string section = "Mailing") =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection(section);

    private static async Task<OptionsValidationException> StartHostExpectingFailure(IConfigurationSection section)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailing(section);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task JsonConfiguration_WithMemoryTransport_SendsFromTheConfiguredAddress()
    {
        var services = new ServiceCollection();
        services.AddMailing(Json("""{ "Mailing": { "From": "Shop <no-reply@shop.example>", "Transport": "memory://default" } }"""));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "Hi", TextBody = "Hello" });

        var captured = Assert.Single(provider.GetRequiredService<InMemoryTransport>().Sent);
        Assert.Equal(new EmailAddress("no-reply@shop.example", "Shop"), captured.Message.From);
        Assert.Equal("memory", result.TransportName);
        Assert.Equal(captured.MessageId, result.MessageId);
        Assert.Same(provider.GetRequiredService<InMemoryTransport>(), provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public async Task MissingFrom_StopsTheHostAtStartUpNamingTheKeyAndAnExample()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "Transport": "memory://default" } }"""));

        Assert.Contains("Mailing:From is missing: set it to the sender address, e.g. \"Shop <no-reply@shop.example>\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidFrom_NamesTheKeyAndTheProblem()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "From": "no-reply.shop.example", "Transport": "memory://default" } }"""));

        Assert.Contains("Mailing:From is not a valid sender address", error.Message, StringComparison.Ordinal);
        Assert.Contains("no '@'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTransport_SaysWhatToPutThere()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "From": "no-reply@shop.example" } }"""));

        Assert.Contains("Mailing:Transport is missing: set it to a DSN such as", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedTransportDsn_NamesTheKeyWithoutShowingThePassword()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "smtp://user:hunter2@host:notaport" } }"""));

        Assert.Contains("Mailing:Transport is not a valid DSN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTransportScheme_SaysNoTransportHandlesIt()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "carrierpigeon://default" } }"""));

        Assert.Contains("scheme \"carrierpigeon\", which no registered transport handles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickupWithoutDirectory_SaysHowToNameOne()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "pickup://default" } }"""));

        Assert.Contains("names no directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralProblems_AreReportedTogether()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "ReplyTo": "nope" } }"""));

        Assert.Contains("Mailing:From is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:ReplyTo is not a valid address", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:Transport is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherSectionName_IsTheOneNamedInErrors()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Notifications": { "Email": { "Transport": "memory://default" } } }""", "Notifications:Email"));

        Assert.Contains("Notifications:Email:From is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidConfiguration_StartsTheHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailing(Json("""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "memory://default" } }"""));
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.NotNull(host.Services.GetRequiredService<IMailer>());
    }

    [Fact]
    public async Task FluentOverload_WithInMemoryTransportInCode_Sends()
    {
        var services = new ServiceCollection();
        services.AddMailing(o => o.From = "no-reply@shop.example").UseInMemoryTransport();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.com"], TextBody = "x" });

        Assert.Equal(1, provider.GetRequiredService<InMemoryTransport>().SentCount);
    }

    [Fact]
    public void FluentOverload_InvalidFrom_FailsStartUpValidationNamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddMailing(o => o.From = "Shop <shop@@example>").UseInMemoryTransport();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Mailing:From is not a valid sender address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickupDsn_WritesFilesIntoTheNamedDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"mailing-pickup-{Guid.NewGuid():N}");
        try
        {
            var services = new ServiceCollection();
            services.AddMailing(Json($$"""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "pickup://default?path={{Uri.EscapeDataString(directory)}}" } }"""));
            await using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.com"], TextBody = "x" });

            Assert.Single(Directory.GetFiles(directory, "*.eml"));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task UseTransport_ReplacesTheConfiguredTransport()
    {
        var custom = new InMemoryTransport(name: "custom");
        var services = new ServiceCollection();
        services.AddMailing(Json("""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "memory://default" } }"""))
            .UseTransport(_ => custom);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.com"], TextBody = "x" });

        Assert.Equal("custom", result.TransportName);
        Assert.Equal(1, custom.SentCount);
    }

    [Fact]
    public async Task ConfiguredReplyTo_IsAddedToMessagesThatHaveNone()
    {
        var services = new ServiceCollection();
        services.AddMailing(Json("""{ "Mailing": { "From": "no-reply@shop.example", "ReplyTo": "Support <help@shop.example>", "Transport": "memory://default" } }"""));
        await using var provider = services.BuildServiceProvider();
        var mailer = provider.GetRequiredService<IMailer>();

        await mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], TextBody = "x" });
        await mailer.SendAsync(new EmailMessage { To = ["bob@example.com"], ReplyTo = ["sales@shop.example"], TextBody = "x" });

        var sent = provider.GetRequiredService<InMemoryTransport>().Sent;
        Assert.Equal("help@shop.example", sent[0].ToMimeMessage().ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("sales@shop.example", sent[1].ToMimeMessage().ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task SmtpDsnThatTurnsCertificateChecksOff_StopsStartUpNamingTheKeyWithoutThePassword()
    {
        var error = await StartHostExpectingFailure(Json("""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "smtp://user:hunter2@smtp.example.com:587?verify_peer=0" } }"""));

        Assert.Contains("Mailing:Transport \"smtp://user:****@smtp.example.com:587?verify_peer=0\":", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not do", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpDsnAndSmtpSection_TheSectionAddsToAndOverridesTheDsn()
    {
        var services = new ServiceCollection();
        services.AddMailing(Json("""
            { "Mailing": {
                "From": "no-reply@shop.example",
                "Transport": "smtp://apikey:KEY@smtp.sendgrid.net:587?pool_size=2",
                "Smtp": { "PoolSize": "7", "SendTimeout": "00:00:45" } } }
            """));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.IsType<SmtpTransport>(provider.GetRequiredService<IEmailTransport>());
        Assert.Equal("smtp.sendgrid.net", options.Host);
        Assert.Equal("apikey", options.Username);
        Assert.Equal(7, options.PoolSize);
        Assert.Equal(TimeSpan.FromSeconds(45), options.SendTimeout);
    }

    [Fact]
    public async Task MemoryDsnWithAnSmtpSection_StaysInMemory()
    {
        var services = new ServiceCollection();
        services.AddMailing(Json("""{ "Mailing": { "From": "no-reply@shop.example", "Transport": "memory://default", "Smtp": { "Host": "smtp.example.com" } } }"""));
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<InMemoryTransport>(provider.GetRequiredService<IEmailTransport>());
    }
}
