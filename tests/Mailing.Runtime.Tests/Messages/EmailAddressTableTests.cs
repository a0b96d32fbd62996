namespace Mailing.Tests.Messages;

/// <summary>
/// What people type into a form: each text either parses to the expected address (and display name) or is refused
/// with a reason that names the mistake; Parse, TryParse and the string conversion all say the same.
/// </summary>
public sealed class EmailAddressTableTests
{
    public static TheoryData<string, string, string?> Valid => new()
    {
        { "ann@example.com", "ann@example.com", null },
        { "  ann@example.com  ", "ann@example.com", null },
        { "ANN@EXAMPLE.COM", "ANN@EXAMPLE.COM", null },
        { "Ann Smith <ann@example.com>", "ann@example.com", "Ann Smith" },
        { "\"Smith, Ann\" <ann@example.com>", "ann@example.com", "Smith, Ann" },
        { "\"Ann \\\"The Boss\\\" Smith\" <ann@example.com>", "ann@example.com", "Ann \"The Boss\" Smith" },
        { "\"Ann\" <ann@example.com>", "ann@example.com", "Ann" },
        { "ann.smith+tag@example.com", "ann.smith+tag@example.com", null },
        { "o'brien@example.com", "o'brien@example.com", null },
        { "ann_smith-99@example-shop.com", "ann_smith-99@example-shop.com", null },
        { "\"ann smith\"@example.com", "\"ann smith\"@example.com", null },
        { "ann@bücher.example", "ann@bücher.example", null },
        { "ann@xn--bcher-kva.example", "ann@bücher.example", null },
        { "ünïcode@example.com", "ünïcode@example.com", null },
        { "Зоя <zoya@пример.рф>", "zoya@пример.рф", "Зоя" },
        { "ann@[192.168.0.1]", "ann@[192.168.0.1]", null },
        { "ann@[IPv6:2001:db8::1]", "ann@[IPv6:2001:db8::1]", null },
        { "ann@sub.domain.example.co.uk", "ann@sub.domain.example.co.uk", null },
        { "1234567890@example.com", "1234567890@example.com", null },
        { "ann@example.com.", "ann@example.com", null },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "", "is empty" },
        { "   ", "is empty" },
        { "annexample.com", "it has no '@'" },
        { "bob@@example.com", "has more than one '@'" },
        { "a@b@c.com", "has more than one '@'" },
        { "@example.com", "has nothing before the '@'" },
        { "ann@", "nothing follows the '@'" },
        { "ann.@example.com", "the part before the '@' ends with a dot" },
        { ".ann@example.com", "the part before the '@' starts with a dot" },
        { "ann..smith@example.com", "the part before the '@' has two dots in a row" },
        { "ann@example..com", "\"example..com\" is not a valid domain name" },
        { "ann@.example.com", "\".example.com\" is not a valid domain name" },
        { "ann@-example.com", "\"-example.com\" is not a valid domain name" },
        { "ann@example-.com", "\"example-.com\" is not a valid domain name" },
        { "ann@exam_ple.com", "\"exam_ple.com\" is not a valid domain name" },
        { "ann@exa mple.com", "\"exa mple.com\" is not a valid domain name" },
        { "ann smith@example.com", "contains a space before the '@'" },
        { "Smith, Ann <ann@example.com>", "quote such a name (\"Smith, Ann\" <ann@example.com>)" },
        { "ann@example.com, bob@example.com", "is a list of addresses separated by commas" },
        { "ann@example.com\r\nBcc: eve@example.com", "line break" },
        { "<ann@example.com", "has a '<' without a closing '>'" },
        { "ann@example.com>", "has a '>' without an opening '<'" },
        { "Ann <ann@example.com> extra", "has text after the closing '>'" },
        { "\"unterminated@example.com", "has an opening quote (\") without a closing one" },
        { "ann;smith@example.com", "has ';', which is only allowed inside quotes" },
        { "ann@[300.1.1.1]", "is not an IP address literal" },
        { new string('a', 65) + "@example.com", "longer than the 64 bytes SMTP allows" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ATypedAddress_ParsesToTheAddressAndName(string text, string address, string? displayName)
    {
        var parsed = EmailAddress.Parse(text);

        Assert.Equal(address, parsed.Address);
        Assert.Equal(displayName, parsed.DisplayName);
        Assert.True(EmailAddress.TryParse(text, out var tried, out var error));
        Assert.Null(error);
        Assert.Equal(parsed, tried);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AMistypedAddress_IsRefusedTheSameWayEverywhere_NamingTheMistake(string text, string reason)
    {
        var parse = Assert.Throws<FormatException>(() => EmailAddress.Parse(text));
        var conversion = Assert.ThrowsAny<ArgumentException>(() => { EmailAddress converted = text; });
        Assert.False(EmailAddress.TryParse(text, out _, out var error));

        Assert.Contains(reason, parse.Message, StringComparison.Ordinal);
        Assert.Equal(parse.Message, conversion.Message);
        Assert.Equal(parse.Message, error);
        Assert.DoesNotContain("(Parameter", conversion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTableIsLargeEnoughToMean_Something() =>
        Assert.True(Valid.Count + Invalid.Count >= 40);
}
