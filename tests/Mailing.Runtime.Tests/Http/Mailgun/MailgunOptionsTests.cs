using Mailing.Transports.Http.Mailgun;
using Microsoft.Extensions.Configuration;

namespace Mailing.Tests.Http.Mailgun;

/// <summary>Mailgun options from a DSN and from configuration, and what start-up validation says about them.</summary>
public sealed class MailgunOptionsTests
{
    private const string Key = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    [Fact]
    public void ADsn_GivesTheKeyTheDomainAndTheRegion()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}:mg.shop.example@default?region=eu&timeout=5"));

        Assert.Equal(Key, options.ApiKey);
        Assert.Equal("mg.shop.example", options.Domain);
        Assert.Equal(MailgunRegion.Eu, options.Region);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal("Mailgun mg.shop.example (https://api.eu.mailgun.net/)", options.ToString());
        Assert.Empty(options.Validate("mailgun"));
    }

    [Fact]
    public void ADsnWithoutARegion_UsesTheUsHost()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}:mg.shop.example@default"));

        Assert.Equal(MailgunRegion.Us, options.Region);
        Assert.Equal("Mailgun mg.shop.example (https://api.mailgun.net/)", options.ToString());
    }

    [Fact]
    public void AnEndpoint_WinsOverTheRegion()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}:mg.shop.example@default?region=eu&endpoint=https://proxy.example/mailgun/"));

        Assert.Equal(new Uri("https://proxy.example/mailgun/"), options.Endpoint);
        Assert.Equal("Mailgun mg.shop.example (https://proxy.example/mailgun/)", options.ToString());
        Assert.Empty(options.Validate("mailgun"));
    }

    [Fact]
    public void AMissingDomain_IsReported_WithWhereItGoes()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}@default"));

        var error = Assert.Single(options.Validate("Mailing:Transports:mailgun"));
        Assert.StartsWith("Mailing:Transports:mailgun:Domain is missing", error, StringComparison.Ordinal);
        Assert.Contains("KEY:DOMAIN@default", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADomainThatIsAUrl_IsReported()
    {
        var options = new MailgunOptions { ApiKey = Key, Domain = "https://api.mailgun.net/v3/mg.shop.example" };

        Assert.Contains(options.Validate("mailgun"), e => e.Contains("is not a domain name", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownRegion_IsReportedNotThrown()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}:mg.shop.example@default?region=asia"));

        var error = Assert.Single(options.Validate("mailgun"));
        Assert.Contains("\"asia\"", error, StringComparison.Ordinal);
        Assert.Contains("us or eu", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownOption_IsReported_ListingTheKnownOnes_WithoutTheKey()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}:mg.shop.example@default?tracking=yes"));

        var error = Assert.Single(options.Validate("mailgun"));
        Assert.Contains("tracking", error, StringComparison.Ordinal);
        Assert.Contains("region=us|eu", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostOtherThanDefault_IsReported_WithoutTheKey()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}:mg.shop.example@api.eu.mailgun.net"));

        var error = Assert.Single(options.Validate("mailgun"));
        Assert.Contains("\"default\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void APlainHttpEndpointToARemoteHost_IsRefusedByValidate()
    {
        var options = MailgunOptions.FromDsn(TransportDsn.Parse($"mailgun+api://{Key}:mg.shop.example@default?endpoint=http://api.mailgun.net/"));

        Assert.Contains(options.Validate("mailgun"), e => e.Contains("plain HTTP to a remote host", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_BindsEveryKey()
    {
        var section = Section(new()
        {
            ["Mailing:Transports:mailgun:ApiKey"] = Key,
            ["Mailing:Transports:mailgun:Domain"] = "mg.shop.example",
            ["Mailing:Transports:mailgun:Region"] = "EU",
            ["Mailing:Transports:mailgun:Timeout"] = "12",
        });
        var options = new MailgunOptions();

        options.Bind(section);

        Assert.Equal(Key, options.ApiKey);
        Assert.Equal("mg.shop.example", options.Domain);
        Assert.Equal(MailgunRegion.Eu, options.Region);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
        Assert.Null(options.Endpoint);
        Assert.Empty(options.Validate(section.Path));
    }

    [Fact]
    public void ConfigurationThatDoesNotParse_IsReportedUnderItsKey()
    {
        var section = Section(new()
        {
            ["Mailing:Transports:mailgun:ApiKey"] = Key,
            ["Mailing:Transports:mailgun:Domain"] = "mg.shop.example",
            ["Mailing:Transports:mailgun:Region"] = "europe",
            ["Mailing:Transports:mailgun:Endpoint"] = "not a url",
        });
        var options = new MailgunOptions();

        options.Bind(section);

        var errors = options.Validate(section.Path);
        Assert.Contains(errors, e => e.StartsWith("Mailing:Transports:mailgun:Region is \"europe\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Mailing:Transports:mailgun:Endpoint is \"not a url\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ATransportWithoutADomain_FailsAtConstruction_AsAConfigurationFailure()
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new MailgunTransport(new MailgunOptions { ApiKey = Key }, new HttpClient()));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("Domain is missing", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Mailing:Transports:mailgun");
}
