using Microsoft.Extensions.Configuration;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>Fallback ports are for a blocked port only: a refused TCP connection, never an answer from the server.</summary>
public sealed class SmtpFallbackPortTests
{
    [Fact]
    public async Task TheSubmissionPortRefused_TheFallbackPortDelivers_WithAWarning()
    {
        await using var inbox = await StartInboxAsync();
        var options = OptionsFor(inbox);
        var blocked = UnusedLoopbackPort();
        options.Port = blocked;
        options.FallbackPorts.Add(inbox.Port);
        var collector = new FakeLogCollector();
        using var logs = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        await using var transport = new SmtpTransport(options, logs.CreateLogger<SmtpTransport>());

        await transport.SendAsync(Message("Via 2525"), Timeout());

        Assert.Equal("Via 2525", Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout())).Message.Subject);
        var warning = Assert.Single(collector.GetSnapshot(), r => r.Id.Name == "SmtpFallbackPort");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"127.0.0.1:{blocked}", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"fallback port {inbox.Port}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthenticationFailureOnTheSubmissionPort_IsNotRetriedOnTheFallbackPort()
    {
        await using var primary = await StartInboxAsync();
        await using var fallback = Fixtures.ScriptedSmtpServer.Start();
        var options = OptionsFor(primary);
        options.Password = "wrong";
        options.FallbackPorts.Add(fallback.Port);
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Equal(0, fallback.Sessions);
    }

    [Fact]
    public async Task EveryPortRefused_IsOneConnectionFailure_NamingTheConfiguredPort()
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = UnusedLoopbackPort(), Security = SmtpSecurity.None };
        options.FallbackPorts.Add(UnusedLoopbackPort());
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.True(failure.IsTransient);
    }

    [Theory]
    [InlineData("25", "FallbackPorts has 25")]
    [InlineData("465", "keep the TLS mode")]
    [InlineData("two", "is not a port number")]
    public void ABadFallbackPort_IsAStartUpError(string port, string expected)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.example.com",
            ["Smtp:FallbackPorts:0"] = port,
        }).Build().GetSection("Smtp");
        var options = new SmtpOptions();
        SmtpOptionsBinder.Bind(section, options);

        Assert.Contains(SmtpOptionsValidator.Check(options, "Mailing:Smtp"), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void FallbackPortsInADsn_AreRead()
    {
        var options = SmtpOptions.FromDsn(TransportDsn.Parse("smtp://user:pass@smtp.example.com:587?fallback_ports=2525,8025"));

        Assert.Equal([2525, 8025], options.FallbackPorts);
    }
}
