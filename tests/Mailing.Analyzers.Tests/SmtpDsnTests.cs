using Mailing.Analyzers.Smtp;

namespace Mailing.Analyzers.Tests;

public sealed class SmtpDsnTests
{
    [Fact]
    public void UserInfoHostAndPort_AreFoundWithTheirSpans()
    {
        const string text = "smtp://user:p@ss@smtp.example.com:587?timeout=10";

        var dsn = SmtpDsn.TryParse(text)!;

        Assert.False(dsn.IsImplicitTls);
        Assert.Equal("p@ss", dsn.Password);
        Assert.Equal("p@ss", text.Substring(dsn.PasswordSpan.Start, dsn.PasswordSpan.Length));
        Assert.Equal("smtp.example.com", text.Substring(dsn.HostSpan.Start, dsn.HostSpan.Length));
        Assert.Equal(587, dsn.Port);
        Assert.Equal("587", text.Substring(dsn.PortSpan.Start, dsn.PortSpan.Length));
    }

    [Fact]
    public void SmtpsWithIpv6HostAndNoPort_IsImplicitTlsWithoutPort()
    {
        var dsn = SmtpDsn.TryParse("smtps://[::1]")!;

        Assert.True(dsn.IsImplicitTls);
        Assert.Equal("[::1]", dsn.Host);
        Assert.Null(dsn.Port);
        Assert.True(SmtpHostNames.IsLoopback(dsn.Host));
    }

    [Theory]
    [InlineData("https://smtp.example.com:25")]
    [InlineData("smtp://")]
    [InlineData("smtp://host:notaport")]
    [InlineData("postmark+api://TOKEN@default")]
    public void NonSmtpOrMalformed_GivesNull(string text) => Assert.Null(SmtpDsn.TryParse(text));
}
