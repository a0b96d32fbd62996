using Mailing.Transports.Http.Postmark;
using Microsoft.Extensions.Configuration;

namespace Mailing.Tests.Http.Postmark;

/// <summary>Postmark options from a DSN and from configuration, and what start-up validation says about them.</summary>
public sealed class PostmarkOptionsTests
{
    private const string Token = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void ADsn_GivesTheTokenTheStreamTheEndpointAndTheTimeout()
    {
        var options = PostmarkOptions.FromDsn(TransportDsn.Parse($"postmark+api://{Token}@default?message_stream=broadcast&endpoint=https://proxy.example/pm/&timeout=5"));

        Assert.Equal(Token, options.ApiKey);
        Assert.Equal("broadcast", options.MessageStream);
        Assert.Equal(new Uri("https://proxy.example/pm/"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Empty(options.Validate("postmark"));
    }

    [Fact]
    public void ADsnWithoutOptions_UsesPostmarksApiAndTheDefaultStream()
    {
        var options = PostmarkOptions.FromDsn(TransportDsn.Parse($"postmark+api://{Token}@default"));

        Assert.Null(options.MessageStream);
        Assert.Null(options.Endpoint);
        Assert.Equal("Postmark (https://api.postmarkapp.com/)", options.ToString());
        Assert.Empty(options.Validate("postmark"));
    }

    [Fact]
    public void AnUnknownOption_IsReported_ListingTheKnownOnes_WithoutTheToken()
    {
        var options = PostmarkOptions.FromDsn(TransportDsn.Parse($"postmark+api://{Token}@default?stream=outbound"));

        var error = Assert.Single(options.Validate("postmark"));
        Assert.Contains("stream", error, StringComparison.Ordinal);
        Assert.Contains("message_stream=ID", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostOtherThanDefault_IsReported_WithTheEndpointFix_WithoutTheToken()
    {
        var options = PostmarkOptions.FromDsn(TransportDsn.Parse($"postmark+api://{Token}@api.postmarkapp.com"));

        var error = Assert.Single(options.Validate("postmark"));
        Assert.Contains("\"default\"", error, StringComparison.Ordinal);
        Assert.Contains("?endpoint=", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherScheme_IsReported()
    {
        var options = PostmarkOptions.FromDsn(TransportDsn.Parse($"sendgrid+api://{Token}@default"));

        Assert.Contains(options.Validate("postmark"), e => e.Contains("postmark+api", StringComparison.Ordinal));
    }

    [Fact]
    public void ABadTimeout_IsReportedNotThrown()
    {
        var options = PostmarkOptions.FromDsn(TransportDsn.Parse($"postmark+api://{Token}@default?timeout=soon"));

        Assert.Contains(options.Validate("postmark"), e => e.Contains("\"soon\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingToken_IsReported()
    {
        var options = PostmarkOptions.FromDsn(TransportDsn.Parse("postmark+api://default"));

        Assert.Contains(options.Validate("Mailing:Transports:postmark"), e => e.StartsWith("Mailing:Transports:postmark:ApiKey is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void APlainHttpEndpointToARemoteHost_IsRefusedByValidate_ButLoopbackIsAllowed()
    {
        var remote = PostmarkOptions.FromDsn(TransportDsn.Parse($"postmark+api://{Token}@default?endpoint=http://api.postmarkapp.com/"));
        var loopback = PostmarkOptions.FromDsn(TransportDsn.Parse($"postmark+api://{Token}@default?endpoint=http://127.0.0.1:8080/"));

        Assert.Contains(remote.Validate("postmark"), e => e.Contains("plain HTTP to a remote host", StringComparison.Ordinal));
        Assert.Empty(loopback.Validate("postmark"));
    }

    [Fact]
    public void Configuration_BindsEveryKey()
    {
        var section = Section(new()
        {
            ["Mailing:Transports:postmark:ApiKey"] = Token,
            ["Mailing:Transports:postmark:Endpoint"] = "https://proxy.example/",
            ["Mailing:Transports:postmark:Timeout"] = "00:00:07",
            ["Mailing:Transports:postmark:MessageStream"] = "outbound",
        });
        var options = new PostmarkOptions();

        options.Bind(section);

        Assert.Equal(Token, options.ApiKey);
        Assert.Equal(new Uri("https://proxy.example/"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal("outbound", options.MessageStream);
        Assert.Empty(options.Validate(section.Path));
    }

    [Fact]
    public void ConfigurationThatDoesNotParse_IsReportedUnderItsKey()
    {
        var section = Section(new()
        {
            ["Mailing:Transports:postmark:ApiKey"] = Token,
            ["Mailing:Transports:postmark:Timeout"] = "a while",
            ["Mailing:Transports:postmark:MessageStream"] = " ",
        });
        var options = new PostmarkOptions();

        options.Bind(section);

        var errors = options.Validate(section.Path);
        Assert.Contains(errors, e => e.StartsWith("Mailing:Transports:postmark:Timeout is \"a while\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Mailing:Transports:postmark:MessageStream", StringComparison.Ordinal));
    }

    [Fact]
    public void ATransportWithUnusableOptions_FailsAtConstruction_AsAConfigurationFailure()
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new PostmarkTransport(new PostmarkOptions(), new HttpClient()));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("ApiKey is missing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheToken_NeverAppearsInToString()
    {
        var options = new PostmarkOptions { ApiKey = Token };

        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Mailing:Transports:postmark");
}
