using Mailing.Transports.Smtp;

namespace Mailing.Tests.Smtp;

/// <summary>The security rules are enforced before any connection is attempted.</summary>
public sealed class SmtpOptionsTests
{
    [Fact]
    public void Port25_IsRefused_WithTheSubmissionPortsAndTheOptInNamed()
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new SmtpTransport(new SmtpOptions { Host = "smtp.example.com", Port = 25 }));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("Smtp:Port is 25", failure.Message, StringComparison.Ordinal);
        Assert.Contains("587", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AllowPort25", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port25_IsAccepted_WhenExplicitlyAllowed_AndStillRequiresStartTls()
    {
        var options = new SmtpOptions { Host = "relay.example.com", Port = 25, AllowPort25 = true };

        await using var transport = new SmtpTransport(options);

        Assert.Equal(SmtpSecurity.StartTls, options.EffectiveSecurity);
    }

    [Theory]
    [InlineData("smtp.example.com")]
    [InlineData("10.0.0.5")]
    [InlineData("localhost.example.com")]
    public void SecurityNone_IsRefused_ForAHostThatIsNotLoopback(string host)
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new SmtpTransport(new SmtpOptions { Host = host, Security = SmtpSecurity.None }));

        Assert.Equal(MailFailureKind.Configuration, failure.Kind);
        Assert.Contains("Smtp:Security is None", failure.Message, StringComparison.Ordinal);
        Assert.Contains("only for localhost", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    public async Task SecurityNone_IsAccepted_ForLoopback(string host)
    {
        await using var transport = new SmtpTransport(new SmtpOptions { Host = host, Port = 2525, Security = SmtpSecurity.None });

        Assert.Equal("smtp", transport.Name);
    }

    [Theory]
    [InlineData(587, SmtpSecurity.StartTls)]
    [InlineData(465, SmtpSecurity.ImplicitTls)]
    [InlineData(2525, SmtpSecurity.StartTls)]
    public void AutoSecurity_FollowsThePort(int port, SmtpSecurity expected)
    {
        Assert.Equal(expected, new SmtpOptions { Host = "smtp.example.com", Port = port }.EffectiveSecurity);
    }

    [Fact]
    public void Port465WithStartTls_IsRefused_AsAMismatch()
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new SmtpTransport(new SmtpOptions { Host = "smtp.example.com", Port = 465, Security = SmtpSecurity.StartTls }));

        Assert.Contains("Port is 465", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ImplicitTls", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Port587WithImplicitTls_IsRefused_AsAMismatch()
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new SmtpTransport(new SmtpOptions { Host = "smtp.example.com", Port = 587, Security = SmtpSecurity.ImplicitTls }));

        Assert.Contains("Port is 587", failure.Message, StringComparison.Ordinal);
        Assert.Contains("StartTls", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new SmtpTransport(new SmtpOptions { Host = "", PoolSize = 0, SendTimeout = TimeSpan.Zero }));

        Assert.Contains("Smtp:Host is empty", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:PoolSize 0", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:SendTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordWithoutUsername_IsRefused_AndThePasswordIsNotEchoed()
    {
        var failure = Assert.Throws<MailDeliveryException>(() => new SmtpTransport(new SmtpOptions { Host = "smtp.example.com", Password = "hunter2-secret" }));

        Assert.Contains("Smtp:Username is empty", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsTheEndpoint_ButNeverThePassword()
    {
        var options = SmtpPresets.SendGrid("SG.very-secret-api-key");

        var text = options.ToString();

        Assert.Equal("smtp://apikey:***@smtp.sendgrid.net:587 (StartTls)", text);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDsn_ReadsHostPortCredentialsAndOptions()
    {
        var options = SmtpOptions.FromDsn(TransportDsn.Parse("smtp://user%40example.com:p%40ss@smtp.example.com:2525?local_domain=app.example.com&pool_size=8&timeout=12"));

        Assert.Equal("smtp.example.com", options.Host);
        Assert.Equal(2525, options.Port);
        Assert.Equal(SmtpSecurity.StartTls, options.EffectiveSecurity);
        Assert.Equal("user@example.com", options.Username);
        Assert.Equal("p@ss", options.Password);
        Assert.Equal("app.example.com", options.LocalDomain);
        Assert.Equal(8, options.PoolSize);
        Assert.Equal(TimeSpan.FromSeconds(12), options.OperationTimeout);
    }

    [Fact]
    public void FromDsn_Smtps_MeansImplicitTlsOn465()
    {
        var options = SmtpOptions.FromDsn(TransportDsn.Parse("smtps://u:p@smtp.example.com"));

        Assert.Equal(465, options.Port);
        Assert.Equal(SmtpSecurity.ImplicitTls, options.EffectiveSecurity);
    }

    [Fact]
    public void FromDsn_RefusesToTurnCertificateVerificationOff_AndPointsAtTheTrustOption()
    {
        var failure = Assert.Throws<ArgumentException>(() => SmtpOptions.FromDsn(TransportDsn.Parse("smtp://u:secret-pw@smtp.example.com:587?verify_peer=0")));

        Assert.Contains("TrustedCertificates", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDsn_RefusesOtherSchemes()
    {
        var failure = Assert.Throws<ArgumentException>(() => SmtpOptions.FromDsn(TransportDsn.Parse("postmark+api://token@default")));

        Assert.Contains("not an SMTP DSN", failure.Message, StringComparison.Ordinal);
    }
}
