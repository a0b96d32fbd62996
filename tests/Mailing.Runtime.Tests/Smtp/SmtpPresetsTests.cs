using Mailing.Transports.Smtp;

namespace Mailing.Tests.Smtp;

/// <summary>Presets produce each provider's documented host, port, TLS mode and user-name convention.</summary>
public sealed class SmtpPresetsTests
{
    public static TheoryData<string, string, string?, string?> Presets => new()
    {
        { "SendGrid", "smtp.sendgrid.net", "apikey", "SG.key" },
        { "Postmark", "smtp.postmarkapp.com", "server-token", "server-token" },
        { "Mailgun us", "smtp.mailgun.org", "postmaster@mg.example.com", "mg-pass" },
        { "Mailgun eu", "smtp.eu.mailgun.org", "postmaster@mg.example.com", "mg-pass" },
        { "Amazon SES eu-west-1", "email-smtp.eu-west-1.amazonaws.com", "AKIASES", "ses-pass" },
        { "Gmail", "smtp.gmail.com", "me@gmail.com", "app-password" },
        { "SendPigeon", "smtp.sendpigeon.dev", "pigeon-user", "pigeon-pass" },
        { "Resend", "smtp.resend.com", "resend", "re_key" },
        { "Brevo", "smtp-relay.brevo.com", "me@example.com", "xsmtpsib-key" },
        { "Microsoft365", "smtp.office365.com", "notify@contoso.com", "mailbox-pass" },
        { "Generic", "mail.example.com", "user", "pass" },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_UsesTheProvidersSubmissionEndpoint_WithStartTlsRequired(string preset, string host, string? username, string? password)
    {
        var options = preset switch
        {
            "SendGrid" => SmtpPresets.SendGrid("SG.key"),
            "Postmark" => SmtpPresets.Postmark("server-token"),
            "Mailgun us" => SmtpPresets.Mailgun("postmaster@mg.example.com", "mg-pass"),
            "Mailgun eu" => SmtpPresets.Mailgun("postmaster@mg.example.com", "mg-pass", "eu"),
            "Amazon SES eu-west-1" => SmtpPresets.AmazonSes("eu-west-1", "AKIASES", "ses-pass"),
            "Gmail" => SmtpPresets.Gmail("me@gmail.com", "app-password"),
            "SendPigeon" => SmtpPresets.SendPigeon("pigeon-user", "pigeon-pass"),
            "Resend" => SmtpPresets.Resend("re_key"),
            "Brevo" => SmtpPresets.Brevo("me@example.com", "xsmtpsib-key"),
            "Microsoft365" => SmtpPresets.Microsoft365("notify@contoso.com", "mailbox-pass"),
            _ => SmtpPresets.Generic("mail.example.com", "user", "pass"),
        };

        Assert.Equal(host, options.Host);
        Assert.Equal(587, options.Port);
        Assert.Equal(SmtpSecurity.StartTls, options.Security);
        Assert.Equal(username, options.Username);
        Assert.Equal(password, options.Password);
    }

    [Theory]
    [InlineData("SendPigeon", "smtp.sendpigeon.dev", null)]
    [InlineData("resend", "smtp.resend.com", "resend")]
    [InlineData("Sendinblue", "smtp-relay.brevo.com", null)]
    [InlineData("Office365", "smtp.office365.com", null)]
    public void ProviderNameInConfiguration_FillsTheHostAndTheFixedUserName(string provider, string host, string? username)
    {
        var options = new SmtpOptions { Provider = provider, Password = "secret" };

        SmtpPresets.Apply(options);

        Assert.Equal(host, options.Host);
        Assert.Equal(username, options.Username);
        Assert.Equal(SmtpSecurity.StartTls, options.EffectiveSecurity);
    }

    [Theory]
    [InlineData("eu-west")]
    [InlineData("EU-WEST-1")]
    [InlineData("eu-west-1.evil.example")]
    public void AmazonSes_RefusesSomethingThatIsNotARegion(string region)
    {
        var failure = Assert.Throws<ArgumentException>(() => SmtpPresets.AmazonSes(region, "u", "p"));

        Assert.Contains("us-east-1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyApiKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SmtpPresets.SendGrid(" "));
    }

    [Fact]
    public void Apply_FillsOnlyWhatIsMissing()
    {
        var options = new SmtpOptions { Provider = "SendGrid", Password = "SG.key" };

        SmtpPresets.Apply(options);

        Assert.Equal("smtp.sendgrid.net", options.Host);
        Assert.Equal("apikey", options.Username);

        var custom = new SmtpOptions { Provider = "AmazonSes", Region = "us-east-2", Host = "vpce.example.internal" };
        SmtpPresets.Apply(custom);
        Assert.Equal("vpce.example.internal", custom.Host);
    }

    [Fact]
    public void Apply_UnknownProvider_ListsTheKnownOnes()
    {
        var failure = Assert.Throws<ArgumentException>(() => SmtpPresets.Apply(new SmtpOptions { Provider = "Sendgird" }));

        Assert.Contains("SendPigeon, SendGrid, Postmark, Mailgun, AmazonSes, Resend, Brevo, Microsoft365, Gmail, Generic", failure.Message, StringComparison.Ordinal);
    }
}
