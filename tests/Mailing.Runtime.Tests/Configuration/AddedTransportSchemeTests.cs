using System.Text;
using Mailing.Transports.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mailing.Runtime.Tests.Configuration;

/// <summary>A scheme added by another package (as the dev inbox adds inbox://) is a transport wherever a DSN is written.</summary>
public sealed class AddedTransportSchemeTests
{
    private static IConfigurationSection Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("Mailing");

    [Fact]
    public async Task SchemeAddedBeforeAddMailing_IsTheDefaultTransport_AndSeesItsDsnAndName()
    {
        var services = new ServiceCollection();
        var sink = new InMemoryTransport(name: "catcher");
        TransportDsn? seen = null;
        string? seenName = null;
        services.AddMailingTransportScheme("catch", (dsn, name, _) =>
        {
            (seen, seenName) = (dsn, name);
            return sink;
        });
        services.AddMailing(Json("""{ "Mailing": { "From": "shop@example.com", "Transport": "catch://default?box=1" } }"""));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "Hi", TextBody = "Hello" });

        Assert.Equal("Hi", Assert.Single(sink.Sent).Subject);
        Assert.Equal("1", seen!.GetOption("box"));
        Assert.Equal("catch", seenName);
    }

    [Fact]
    public async Task SchemeAddedAfterAddMailing_WorksInsideAFailoverList()
    {
        var services = new ServiceCollection();
        var sink = new InMemoryTransport();
        services.AddMailing(Json("""{ "Mailing": { "From": "shop@example.com", "Transport": "failover(catch://default memory://default)" } }"""));
        services.AddMailingTransportScheme("catch", (_, _, _) => sink);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.com"], Subject = "Hi", TextBody = "Hello" });

        Assert.Single(sink.Sent);
    }

    [Fact]
    public async Task UnknownScheme_IsReportedAtStartUp_NamingTheAddedSchemes()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailingTransportScheme("catch", (_, _, _) => new InMemoryTransport());
        builder.Services.AddMailing(Json("""{ "Mailing": { "From": "shop@example.com", "Transport": "inbxo://default" } }"""));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("\"inbxo\", which no registered transport handles", error.Message, StringComparison.Ordinal);
        Assert.Contains("(added in code: catch://)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp")]
    [InlineData("memory")]
    [InlineData("inbox://")]
    public void BuiltInOrMalformedScheme_CannotBeAdded(string scheme) =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMailingTransportScheme(scheme, (_, _, _) => new InMemoryTransport()));
}
