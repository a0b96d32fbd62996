using Mailing.Dispatch;
using Mailing.Tests.Http.Fixtures;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports;
using Mailing.Transports.Http.Resend;
using Mailing.Transports.Http.SendGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Dispatch;

/// <summary>
/// Failover between providers' HTTP APIs (real HTTP servers on loopback, reached through <c>endpoint=</c>) and a real
/// SMTP server, configured from appsettings-style keys: every message arrives exactly once, in one place.
/// </summary>
public sealed class HttpAndSmtpFailoverTests : IAsyncLifetime
{
    private LoopbackHttpServer _resend = null!;
    private Mailing.DevInbox.LocalSmtpInbox _smtp = null!;
    private string _pem = null!;

    public async Task InitializeAsync()
    {
        _resend = await LoopbackHttpServer.StartAsync(HttpReply.Json(200, """{"id":"re-1"}"""));
        _smtp = await StartInboxAsync();
        _pem = Path.Combine(Path.GetTempPath(), $"mailing-test-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(_pem, TestCertificates.PublicPart.ExportCertificatePem());
    }

    public async Task DisposeAsync()
    {
        await _resend.DisposeAsync();
        await _smtp.DisposeAsync();
        File.Delete(_pem);
    }

    [Fact]
    public async Task TheApiAccepting_TheSmtpBackupIsNeverTouched()
    {
        await using var provider = Build();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(Message("Receipt"), Timeout());

        Assert.Equal("resend", result.TransportName);
        Assert.Equal("re-1", result.ProviderMessageId);
        var request = Assert.Single(_resend.Requests);
        Assert.Equal("Receipt", request.Json().GetProperty("subject").GetString());
        Assert.Equal(result.MessageId, request.Header("Idempotency-Key"));
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task TheApiFailingWith503_TheMessageArrivesOnceOverSmtp_WithTheSameMessageId()
    {
        _resend.RespondWith(_ => HttpReply.Json(503, """{"statusCode":503,"name":"internal_server_error","message":"down"}"""));
        await using var provider = Build();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(Message("Receipt"), Timeout());

        Assert.Equal("backup", result.TransportName);
        Assert.Equal(2, result.Attempts);
        var received = Assert.Single(await _smtp.WaitForMessagesAsync(1, Timeout()));
        Assert.Equal(result.MessageId, received.Message.MessageId);
        Assert.Equal(result.MessageId, Assert.Single(_resend.Requests).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task TheApiRefusingTheKey_FailsOverToSmtp()
    {
        _resend.RespondWith(_ => HttpReply.Json(401, """{"statusCode":401,"name":"missing_api_key","message":"Missing API key in the authorization header"}"""));
        await using var provider = Build();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(Message(), Timeout());

        Assert.Equal("backup", result.TransportName);
        Assert.Single(await _smtp.WaitForMessagesAsync(1, Timeout()));
    }

    [Fact]
    public async Task TheApiRejectingTheMessage_IsNotSentOverSmtp()
    {
        _resend.RespondWith(_ => HttpReply.Json(422, """{"statusCode":422,"name":"validation_error","message":"Invalid `to` field."}"""));
        await using var provider = Build();

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => provider.GetRequiredService<IMailer>().SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.Contains("Invalid `to` field.", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task TheApiTakingTheBodyAndDroppingTheConnection_IsNotSentAgain()
    {
        _resend.RespondWith(_ => HttpReply.Drop());
        await using var provider = Build();

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => provider.GetRequiredService<IMailer>().SendAsync(Message(), Timeout()));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.Equal("resend", failure.TransportName);
        Assert.Single(_resend.Requests);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task EveryTransportOfARoundRobin_CarriesItsShare_AndAnOutageShiftsItsTurns()
    {
        await using var sendGrid = await LoopbackHttpServer.StartAsync(HttpReply.Json(202, "") with { Body = null, Headers = new Dictionary<string, string> { ["X-Message-Id"] = "sg-1" } });
        await using var provider = Build(new()
        {
            ["Mailing:Transport"] = "roundrobin(resend sendgrid backup)",
            ["Mailing:Transports:sendgrid"] = $"sendgrid+api://SG.key@default?endpoint={sendGrid.BaseAddress}",
        });
        var mailer = provider.GetRequiredService<IMailer>();

        var first = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            first.Add((await mailer.SendAsync(Message($"a{i}"), Timeout())).TransportName);
        }

        sendGrid.RespondWith(_ => HttpReply.Json(500, """{"errors":[{"message":"internal"}]}"""));
        var during = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            during.Add((await mailer.SendAsync(Message($"b{i}"), Timeout())).TransportName);
        }

        Assert.Equal(2, first.Count(n => n == "resend"));
        Assert.Equal(2, first.Count(n => n == "sendgrid"));
        Assert.Equal(2, first.Count(n => n == "backup"));
        Assert.DoesNotContain("sendgrid", during);
        var viaSmtp = first.Concat(during).Count(n => n == "backup");
        Assert.Equal(first.Concat(during).Count(n => n == "resend"), _resend.Requests.Count);
        Assert.Equal(viaSmtp, (await _smtp.WaitForMessagesAsync(viaSmtp, Timeout())).Count);
        Assert.Equal(12, _smtp.Messages.Select(m => m.Message.Subject).Concat(_resend.Requests.Select(r => r.Json().GetProperty("subject").GetString()!)).Concat(first.Select((n, i) => (n, i)).Where(x => x.n == "sendgrid").Select(x => $"a{x.i}")).Distinct().Count());
    }

    [Fact]
    public async Task OnAServerlessHost_AFailoverPrefersTheHttpApi()
    {
        var services = Services(new() { ["Mailing:Transport"] = "primary", ["Mailing:Transports:primary"] = "failover(backup resend)" }, out var builder);
        builder.Registry.EnvironmentVariables = name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "orders" : null;
        await using var provider = services.BuildServiceProvider();

        var failover = Assert.IsType<FailoverTransport>(provider.GetRequiredService<ConfiguredTransports>()["primary"]);
        var result = await provider.GetRequiredService<IMailer>().SendAsync(Message(), Timeout());

        Assert.Equal(["resend", "backup"], failover.Transports.Select(t => t.Name));
        Assert.Equal("resend", result.TransportName);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task OnAnOrdinaryHost_TheFailoverKeepsItsOrder()
    {
        var services = Services(new() { ["Mailing:Transport"] = "failover(backup resend)" }, out var builder);
        builder.Registry.EnvironmentVariables = _ => null;
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(Message(), Timeout());

        Assert.Equal("backup", result.TransportName);
        Assert.Empty(_resend.Requests);
    }

    [Fact]
    public void ProviderTransportsFromConfiguration_AreTheProvidersTypes_PointedAtTheirEndpoint()
    {
        using var provider = Build(new()
        {
            ["Mailing:Transports:sendgrid:ApiKey"] = "SG.key",
            ["Mailing:Transports:sendgrid:Region"] = "eu",
            ["Mailing:Transports:news:Type"] = "mailgun",
            ["Mailing:Transports:news:ApiKey"] = "key-1",
            ["Mailing:Transports:news:Domain"] = "mg.example.com",
            ["Mailing:Transports:postmark:Dsn"] = "postmark+api://token@default",
            ["Mailing:Transports:postmark:MessageStream"] = "broadcast",
        });
        var transports = provider.GetRequiredService<ConfiguredTransports>();

        Assert.Equal("news", Assert.IsType<Mailing.Transports.Http.Mailgun.MailgunTransport>(transports["news"]).Name);
        Assert.Equal("api.postmarkapp.com", Assert.IsType<Mailing.Transports.Http.Postmark.PostmarkTransport>(transports["postmark"]).Endpoint.Host);

        Assert.Equal(_resend.BaseAddress, Assert.IsType<ResendTransport>(transports["resend"]).Endpoint);
        Assert.Equal("api.eu.sendgrid.com", Assert.IsType<SendGridTransport>(transports["sendgrid"]).Endpoint.Host);
    }

    private ServiceProvider Build(Dictionary<string, string?>? extra = null)
    {
        var provider = Services(extra, out _).BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<MailingOptions>>().Value;
        return provider;
    }

    private ServiceCollection Services(Dictionary<string, string?>? extra, out MailingBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@example.com",
            ["Mailing:Transport"] = "failover(resend backup)",
            ["Mailing:Transports:resend"] = $"resend+api://re_test_key@default?endpoint={_resend.BaseAddress}",
            ["Mailing:Transports:backup"] = $"smtp://{Username}:{Password}@localhost:{_smtp.Port}",
            ["Mailing:Smtp:TrustedCertificateFiles:0"] = _pem,
            ["Mailing:Dispatch:MaxRetries"] = "0",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        builder = services.AddMailing(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Mailing"));
        return services;
    }
}
