using Mailing.Transports.Http.SendGrid;
using Microsoft.Extensions.Configuration;
using static Mailing.Tests.Http.SendGrid.SendGridTestRig;

namespace Mailing.Tests.Http.SendGrid;

/// <summary>SendGrid's options from a DSN and from configuration: regions, endpoints, and problems reported with their fix.</summary>
public sealed class SendGridOptionsTests
{
    private const string Section = "Mailing:Transports:sendgrid";

    [Fact]
    public void ADefaultDsn_TakesTheKeyFromTheUserPart_AndSendsToTheGlobalHost()
    {
        var options = SendGridOptions.FromDsn(TransportDsn.Parse($"sendgrid+api://{ApiKey}@default"));

        Assert.Equal(ApiKey, options.ApiKey);
        Assert.Equal(SendGridRegion.Global, options.Region);
        Assert.Empty(options.Validate(Section));
        using var client = new HttpClient();
        Assert.Equal(new Uri("https://api.sendgrid.com/"), new SendGridTransport(options, client).Endpoint);
    }

    [Fact]
    public void RegionEu_SendsToTheEuDataResidencyHost()
    {
        var options = SendGridOptions.FromDsn(TransportDsn.Parse($"sendgrid+api://{ApiKey}@default?region=eu"));

        Assert.Equal(SendGridRegion.EU, options.Region);
        Assert.Empty(options.Validate(Section));
        using var client = new HttpClient();
        Assert.Equal(new Uri("https://api.eu.sendgrid.com/"), new SendGridTransport(options, client).Endpoint);
    }

    [Fact]
    public void AnEndpointOption_WinsOverTheRegion_AndTimeoutIsInSeconds()
    {
        var options = SendGridOptions.FromDsn(TransportDsn.Parse($"sendgrid+api://{ApiKey}@default?endpoint=https%3A%2F%2Fmail-proxy.example%2Fsendgrid%2F&timeout=12"));

        Assert.Empty(options.Validate(Section));
        Assert.Equal(new Uri("https://mail-proxy.example/sendgrid/"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
    }

    [Theory]
    [InlineData("sendgrid+api://KEY@default?regoin=eu", "option regoin, which SendGrid does not know. Known options: region=global|eu")]
    [InlineData("sendgrid+api://KEY@api.sendgrid.com", "take \"default\" as the host")]
    [InlineData("sendgrid+api://KEY@default?region=us", "\"us\", which is not a SendGrid region; use global or eu")]
    [InlineData("sendgrid+api://KEY@default?timeout=soon", "not a duration")]
    [InlineData("sendgrid+api://KEY@default:8443", "port or path")]
    [InlineData("sendgrid+api://KEY@default?endpoint=http%3A%2F%2Fsendgrid-proxy.example%2F", "plain HTTP to a remote host")]
    [InlineData("sendgrid+api://@default", "ApiKey is missing")]
    [InlineData("postmark+api://KEY@default", "not a SendGrid API DSN")]
    public void ADsnThatDoesNotFit_IsNotThrown_ButReportedByValidation(string dsn, string problem)
    {
        var options = SendGridOptions.FromDsn(TransportDsn.Parse(dsn));

        Assert.Contains(options.Validate(Section), error => error.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void AnHttpEndpointOnLoopback_IsAllowed_ForTestServers()
    {
        var options = SendGridOptions.FromDsn(TransportDsn.Parse($"sendgrid+api://{ApiKey}@default?endpoint=http%3A%2F%2F127.0.0.1%3A5000%2F"));

        Assert.Empty(options.Validate(Section));
    }

    [Fact]
    public void InvalidOptions_MakeTheTransportRefuseToStart_NamingEveryProblem()
    {
        var options = new SendGridOptions { Endpoint = new Uri("http://sendgrid-proxy.example/") };
        using var client = new HttpClient();

        var failure = Assert.Throws<MailDeliveryException>(() => new SendGridTransport(options, client));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("ApiKey is missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("plain HTTP", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEuRegionWithTheGlobalEndpoint_IsReportedAsAContradiction()
    {
        var options = new SendGridOptions { ApiKey = ApiKey, Region = SendGridRegion.EU, Endpoint = new Uri("https://api.sendgrid.com/") };

        Assert.Contains(options.Validate(Section), error => error.Contains($"{Section}:Region is eu but {Section}:Endpoint is the global host", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_IsBoundKeyByKey()
    {
        var options = Bind(new()
        {
            [$"{Section}:ApiKey"] = ApiKey,
            [$"{Section}:Region"] = "EU",
            [$"{Section}:Timeout"] = "00:00:05",
        });

        Assert.Equal(ApiKey, options.ApiKey);
        Assert.Equal(SendGridRegion.EU, options.Region);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Null(options.Endpoint);
        Assert.Empty(options.Validate(Section));
    }

    [Fact]
    public void ConfiguredEndpoint_IsBound()
    {
        var options = Bind(new() { [$"{Section}:ApiKey"] = ApiKey, [$"{Section}:Endpoint"] = "https://mail-proxy.example/" });

        Assert.Equal(new Uri("https://mail-proxy.example/"), options.Endpoint);
    }

    [Fact]
    public void ConfigurationValuesThatDoNotParse_AreReportedWithTheirKey()
    {
        var options = Bind(new()
        {
            [$"{Section}:ApiKey"] = ApiKey,
            [$"{Section}:Region"] = "mars",
            [$"{Section}:Timeout"] = "a while",
            [$"{Section}:Endpoint"] = "not a url",
        });

        var errors = options.Validate(Section);
        Assert.Contains(errors, e => e.StartsWith($"{Section}:Region is \"mars\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{Section}:Timeout is \"a while\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{Section}:Endpoint is \"not a url\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var options = new SendGridOptions { ApiKey = ApiKey, Region = SendGridRegion.EU };

        Assert.Equal("SendGrid (https://api.eu.sendgrid.com/)", options.ToString());
    }

    private static SendGridOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new SendGridOptions();
        options.Bind(configuration.GetSection(Section));
        return options;
    }
}
