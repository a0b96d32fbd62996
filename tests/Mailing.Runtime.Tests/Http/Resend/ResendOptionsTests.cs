using Mailing.Transports.Http.Resend;
using Microsoft.Extensions.Configuration;
using static Mailing.Tests.Http.Resend.ResendTestRig;

namespace Mailing.Tests.Http.Resend;

/// <summary>Resend's options from a DSN and from configuration, and problems reported with their fix.</summary>
public sealed class ResendOptionsTests
{
    private const string Section = "Mailing:Transports:resend";

    [Fact]
    public void ADefaultDsn_TakesTheKeyFromTheUserPart_AndSendsToResendsHost()
    {
        var options = ResendOptions.FromDsn(TransportDsn.Parse($"resend+api://{ApiKey}@default"));

        Assert.Equal(ApiKey, options.ApiKey);
        Assert.Empty(options.Validate(Section));
        using var client = new HttpClient();
        Assert.Equal(new Uri("https://api.resend.com/"), new ResendTransport(options, client).Endpoint);
    }

    [Fact]
    public void EndpointAndTimeoutOptions_AreRead()
    {
        var options = ResendOptions.FromDsn(TransportDsn.Parse($"resend+api://{ApiKey}@default?endpoint=https%3A%2F%2Fmail-proxy.example%2Fresend%2F&timeout=00:00:09"));

        Assert.Empty(options.Validate(Section));
        Assert.Equal(new Uri("https://mail-proxy.example/resend/"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(9), options.Timeout);
    }

    [Theory]
    [InlineData("resend+api://KEY@default?region=eu", "option region, which Resend does not know. Known options: endpoint=URL, timeout=SECONDS")]
    [InlineData("resend+api://KEY@api.resend.com", "take \"default\" as the host")]
    [InlineData("resend+api://KEY@default/emails", "port or path")]
    [InlineData("resend+api://KEY@default?endpoint=http%3A%2F%2Fresend-proxy.example%2F", "plain HTTP to a remote host")]
    [InlineData("resend+api://KEY@default?endpoint=api.resend.com", "not an absolute URL")]
    [InlineData("resend+api://@default", "ApiKey is missing")]
    [InlineData("sendgrid+api://KEY@default", "not a Resend API DSN")]
    public void ADsnThatDoesNotFit_IsNotThrown_ButReportedByValidation(string dsn, string problem)
    {
        var options = ResendOptions.FromDsn(TransportDsn.Parse(dsn));

        Assert.Contains(options.Validate(Section), error => error.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidOptions_MakeTheTransportRefuseToStart()
    {
        using var client = new HttpClient();

        var failure = Assert.Throws<MailDeliveryException>(() => new ResendTransport(new ResendOptions(), client));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("ApiKey is missing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_IsBoundKeyByKey_AndBadValuesAreReportedWithTheirKey()
    {
        var good = Bind(new() { [$"{Section}:ApiKey"] = ApiKey, [$"{Section}:Endpoint"] = "http://localhost:5005/", [$"{Section}:Timeout"] = "15" });
        var bad = Bind(new() { [$"{Section}:ApiKey"] = ApiKey, [$"{Section}:Timeout"] = "later" });

        Assert.Equal(ApiKey, good.ApiKey);
        Assert.Equal(new Uri("http://localhost:5005/"), good.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(15), good.Timeout);
        Assert.Empty(good.Validate(Section));
        Assert.Contains(bad.Validate(Section), e => e.StartsWith($"{Section}:Timeout is \"later\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        Assert.Equal("Resend (https://api.resend.com/)", new ResendOptions { ApiKey = ApiKey }.ToString());
    }

    private static ResendOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new ResendOptions();
        options.Bind(configuration.GetSection(Section));
        return options;
    }
}
