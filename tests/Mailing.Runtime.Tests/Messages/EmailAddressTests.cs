namespace Mailing.Runtime.Tests.Messages;

public sealed class EmailAddressTests
{
    [Fact]
    public void Parse_BareAddress_HasNoDisplayName()
    {
        var address = EmailAddress.Parse("ann@example.com");

        Assert.Equal("ann@example.com", address.Address);
        Assert.Null(address.DisplayName);
        Assert.Equal("example.com", address.Domain);
    }

    [Theory]
    [InlineData("Ann Smith <ann@example.com>", "Ann Smith")]
    [InlineData("\"Smith, Ann\" <ann@example.com>", "Smith, Ann")]
    [InlineData("  Ann   <ann@example.com>  ", "Ann")]
    [InlineData("=?utf-8?q?J=C3=B6rg?= <ann@example.com>", "Jörg")]
    public void Parse_NameAndAngleAddress_SplitsDisplayNameFromAddress(string text, string expectedName)
    {
        var address = EmailAddress.Parse(text);

        Assert.Equal("ann@example.com", address.Address);
        Assert.Equal(expectedName, address.DisplayName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_SaysItIsEmpty(string text)
    {
        var error = Assert.Throws<FormatException>(() => EmailAddress.Parse(text));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann.example.com")]
    [InlineData("Ann <ann.example.com>")]
    public void Parse_WithoutAt_SaysTheAtIsMissing(string text)
    {
        var error = Assert.Throws<FormatException>(() => EmailAddress.Parse(text));

        Assert.Contains("no '@'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann@")]
    [InlineData("ann@-example.com")]
    [InlineData("ann@example-.com")]
    [InlineData("ann@exa_mple.com")]
    [InlineData("ann@example..com")]
    [InlineData("ann@.example.com")]
    [InlineData("ann@[300.1.1.1]")]
    public void Parse_InvalidDomain_SaysTheDomainIsInvalid(string text)
    {
        var error = Assert.Throws<FormatException>(() => EmailAddress.Parse(text));

        Assert.Contains("domain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DomainLabelLongerThan63Characters_IsRefused()
    {
        var error = Assert.Throws<FormatException>(() => EmailAddress.Parse($"ann@{new string('a', 64)}.com"));

        Assert.Contains("domain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NothingBeforeAt_SaysSo()
    {
        var error = Assert.Throws<FormatException>(() => EmailAddress.Parse("@example.com"));

        Assert.Contains("nothing before the '@'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann@example.com\r\nBcc: victim@example.org")]
    [InlineData("ann@example.com\nBcc: victim@example.org")]
    [InlineData("\rann@example.com")]
    [InlineData("Ann\r\n Smith <ann@example.com>")]
    [InlineData("ann@exam\nple.com")]
    public void Parse_LineBreakAnywhere_IsRefusedAsHeaderInjection(string text)
    {
        var error = Assert.Throws<FormatException>(() => EmailAddress.Parse(text));

        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann@example.com, bob@example.com")]
    [InlineData("friends: ann@example.com;")]
    public void Parse_ListOrGroup_IsRefused(string text)
    {
        Assert.Throws<FormatException>(() => EmailAddress.Parse(text));
    }

    [Fact]
    public void Constructor_DisplayNameWithLineBreak_ThrowsNamingTheDisplayName()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailAddress("ann@example.com", "Ann\r\nBcc: victim@example.org"));

        Assert.Equal("DisplayName", error.ParamName);
    }

    [Fact]
    public void Constructor_DisplayNameThatIsAnEncodedWord_IsRefusedBecauseReceiversWouldDecodeIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailAddress("ann@example.com", "=?utf-8?b?UGF5cGFs?="));

        Assert.Equal("DisplayName", error.ParamName);
        Assert.Contains("decoded text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AddressWithDisplayNamePart_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailAddress("Ann <ann@example.com>"));

        Assert.Equal("Address", error.ParamName);
    }

    [Fact]
    public void ImplicitConversion_InvalidText_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            EmailAddress address = "not an address";
            return address;
        });
    }

    [Fact]
    public void ImplicitConversion_AcceptsNameAndAddress()
    {
        EmailAddress address = "Ann <ann@example.com>";

        Assert.Equal(new EmailAddress("ann@example.com", "Ann"), address);
    }

    [Theory]
    [InlineData("ann@bücher.example")]
    [InlineData("jörg@example.com")]
    [InlineData("用户@例子.广告")]
    [InlineData("ann+tag@sub.example.co.uk")]
    [InlineData("\"ann smith\"@example.com")]
    [InlineData("ann@[192.0.2.1]")]
    [InlineData("ann@localhost")]
    public void Parse_InternationalAndUnusualButValidAddresses_AreAccepted(string text)
    {
        var address = EmailAddress.Parse(text);

        Assert.Equal(text, address.Address);
    }

    [Fact]
    public void Parse_PunycodeDomain_IsDecodedToUnicodeTheWayMimeKitDoes()
    {
        Assert.Equal("ann@bücher.example", EmailAddress.Parse("ann@xn--bcher-kva.example").Address);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(EmailAddress.TryParse(null, out var address));
        Assert.Null(address);
    }

    [Fact]
    public void ToString_QuotesDisplayNamesThatNeedIt()
    {
        var address = new EmailAddress("ann@example.com", "Smith, Ann");

        Assert.Equal("\"Smith, Ann\" <ann@example.com>", address.ToString());
    }

    [Fact]
    public void LocalPartLongerThan64Bytes_IsRefused()
    {
        var error = Assert.Throws<FormatException>(() => EmailAddress.Parse($"{new string('a', 65)}@example.com"));

        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }
}
