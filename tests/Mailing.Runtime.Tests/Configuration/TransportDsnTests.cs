namespace Mailing.Runtime.Tests.Configuration;

public sealed class TransportDsnTests
{
    [Fact]
    public void Parse_FullSmtpDsn_GivesEveryPart()
    {
        var dsn = TransportDsn.Parse("smtp://apikey:SG.secret@smtp.sendgrid.net:587?timeout=30&Local_Domain=app.example");

        Assert.Equal("smtp", dsn.Scheme);
        Assert.Equal("apikey", dsn.User);
        Assert.Equal("SG.secret", dsn.Password);
        Assert.Equal("smtp.sendgrid.net", dsn.Host);
        Assert.Equal(587, dsn.Port);
        Assert.Equal("30", dsn.GetOption("timeout"));
        Assert.Equal("app.example", dsn.GetOption("local_domain"));
        Assert.Null(dsn.Path);
    }

    [Fact]
    public void Parse_PercentEncodedCredentials_AreDecoded()
    {
        var dsn = TransportDsn.Parse("smtps://ann%40shop.example:p%40ss%3Aw%2Fo%25rd@mail.shop.example");

        Assert.Equal("ann@shop.example", dsn.User);
        Assert.Equal("p@ss:w/o%rd", dsn.Password);
        Assert.Null(dsn.Port);
    }

    [Fact]
    public void Parse_UnencodedAtInPassword_UsesTheLastAtBeforeTheHost()
    {
        var dsn = TransportDsn.Parse("smtp://user:p@ss@mail.example:2525");

        Assert.Equal("p@ss", dsn.Password);
        Assert.Equal("mail.example", dsn.Host);
        Assert.Equal(2525, dsn.Port);
    }

    [Fact]
    public void Parse_ProviderSchemeWithDefaultHost()
    {
        var dsn = TransportDsn.Parse("postmark+api://SERVER-TOKEN@default");

        Assert.Equal("postmark+api", dsn.Scheme);
        Assert.Equal("SERVER-TOKEN", dsn.User);
        Assert.Null(dsn.Password);
        Assert.Equal("default", dsn.Host);
    }

    [Fact]
    public void Parse_IPv6Host_DropsTheBrackets()
    {
        var dsn = TransportDsn.Parse("smtp://[::1]:2525");

        Assert.Equal("::1", dsn.Host);
        Assert.Equal(2525, dsn.Port);
        Assert.Equal("smtp://[::1]:2525", dsn.ToString());
    }

    [Fact]
    public void Parse_Path_KeepsItsLeadingSlash()
    {
        Assert.Equal("/var/mail/outbox", TransportDsn.Parse("pickup://default/var/mail/outbox").Path);
    }

    [Fact]
    public void Parse_SchemeIsLowerCased()
    {
        Assert.Equal("smtp", TransportDsn.Parse("SMTP://host").Scheme);
    }

    [Theory]
    [InlineData("smtp://user:hunter2@host:99999", "port")]
    [InlineData("smtp://user:hunter2@host:abc", "port")]
    [InlineData("smtp://user:hunter2@:587", "no host")]
    [InlineData("smtp://user:hunter2@[::1", "IPv6")]
    public void Parse_Malformed_SaysWhatIsWrongWithoutShowingThePassword(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TransportDsn.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoScheme_SaysTheSchemeIsMissing()
    {
        var error = Assert.Throws<FormatException>(() => TransportDsn.Parse("smtp.example.com:587"));

        Assert.Contains("no scheme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TransportList_SaysItIsAList()
    {
        var error = Assert.Throws<FormatException>(() => TransportDsn.Parse("failover(smtp://a smtp://b)"));

        Assert.Contains("failover/roundrobin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_MasksThePassword()
    {
        var dsn = TransportDsn.Parse("smtp://apikey:SG.secret@smtp.sendgrid.net:587");

        Assert.Equal("smtp://apikey:****@smtp.sendgrid.net:587", dsn.ToString());
    }
}
