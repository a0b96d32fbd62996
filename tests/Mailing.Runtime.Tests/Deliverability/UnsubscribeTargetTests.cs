namespace Mailing.Runtime.Tests.Deliverability;

/// <summary>What an unsubscribe target accepts: https links and mailto addresses, nothing that a mailbox provider would not follow.</summary>
public sealed class UnsubscribeTargetTests
{
    [Fact]
    public void HttpsLinkAndMailto_AreKept()
    {
        var target = new UnsubscribeTarget("https://shop.example/unsubscribe?token=abc", "mailto:unsubscribe@shop.example?subject=unsubscribe");

        Assert.Equal(new Uri("https://shop.example/unsubscribe?token=abc"), target.Url);
        Assert.Equal(new Uri("mailto:unsubscribe@shop.example?subject=unsubscribe"), target.Mailto);
    }

    [Theory]
    [InlineData("http://shop.example/unsubscribe?token=abc", "is not https")]
    [InlineData("ftp://shop.example/unsubscribe", "is not https")]
    [InlineData("/unsubscribe?token=abc", "is not an absolute URI")]
    [InlineData("unsubscribe", "is not an absolute URI")]
    [InlineData("https://user:secret@shop.example/unsubscribe", "contains a user name or password")]
    public void LinkThatIsNotAPlainHttpsUrl_IsRefused_WithoutShowingItsToken(string url, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new UnsubscribeTarget(url));

        Assert.Equal("url", error.ParamName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unsubscribe@shop.example")]
    [InlineData("https://shop.example/unsubscribe")]
    [InlineData("mailto:")]
    public void MailtoThatIsNotAMailtoAddress_IsRefused(string mailto)
    {
        var error = Assert.Throws<ArgumentException>(() => new UnsubscribeTarget("https://shop.example/u", mailto));

        Assert.Equal("mailto", error.ParamName);
    }

    [Fact]
    public void ToString_ShowsWhereButNotTheRecipientsToken()
    {
        var target = new UnsubscribeTarget(new Uri("https://shop.example/unsubscribe?token=SECRET-TOKEN"));

        Assert.Equal("UnsubscribeTarget { Url = https://shop.example/unsubscribe?… }", target.ToString());
    }

    [Fact]
    public void TwoTargetsWithTheSameLinks_AreEqual()
    {
        Assert.Equal(new UnsubscribeTarget("https://shop.example/u?t=1", "mailto:u@shop.example"), new UnsubscribeTarget(new Uri("https://shop.example/u?t=1"), new Uri("mailto:u@shop.example")));
    }
}
