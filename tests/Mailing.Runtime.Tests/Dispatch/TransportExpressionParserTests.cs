namespace Mailing.Tests.Dispatch;

public sealed class TransportExpressionParserTests
{
    [Theory]
    [InlineData("postmark", "postmark")]
    [InlineData("failover(postmark backup)", "failover(postmark backup)")]
    [InlineData("  roundrobin( a   b\tc )  ", "roundrobin(a b c)")]
    [InlineData("failover(roundrobin(a b) smtp://user:secret@smtp.example.com:587)", "failover(roundrobin(a b) smtp://user:****@smtp.example.com:587)")]
    [InlineData("FAILOVER(a)", "failover(a)")]
    [InlineData("failover(postmark, relay)", "failover(postmark relay)")]
    [InlineData("failover(a,b , c)", "failover(a b c)")]
    [InlineData("failover(smtp://h.example:587?fallback_ports=2525,25, b)", "failover(smtp://h.example:587?fallback_ports=2525%2C25 b)")]
    [InlineData("roundrobin(smtp://h.example:587,)", "roundrobin(smtp://h.example:587)")]
    public void ValidText_ParsesToTheSameStructure(string text, string expected)
    {
        Assert.True(TransportExpressionParser.TryParse(text, out var expression, out var error), error);
        Assert.Equal(expected, expression.ToString());
    }

    [Fact]
    public void NestedLists_KeepTheirKindAndOrder()
    {
        Assert.True(TransportExpressionParser.TryParse("failover(roundrobin(a b) postmark+api://KEY@default)", out var expression, out _));

        var failover = Assert.IsType<TransportList>(expression);
        Assert.Equal(TransportListKind.Failover, failover.Kind);
        var roundRobin = Assert.IsType<TransportList>(failover.Items[0]);
        Assert.Equal(TransportListKind.RoundRobin, roundRobin.Kind);
        Assert.Equal(["a", "b"], roundRobin.Items.Cast<TransportReference>().Select(r => r.Name));
        var dsn = Assert.IsType<DsnExpression>(failover.Items[1]).Dsn;
        Assert.Equal("postmark+api", dsn.Scheme);
        Assert.Equal("KEY", dsn.User);
    }

    [Theory]
    [InlineData("failover(a b", "has no closing ')'")]
    [InlineData("failover(a b))", "Unexpected")]
    [InlineData("a b", "Unexpected")]
    [InlineData("a, b", "Unexpected")]
    [InlineData("failover(, a)", "Unexpected ','")]
    [InlineData("failover()", "names no transport")]
    [InlineData("fallback(a b)", "is not a transport list: use failover(...) or roundrobin(...)")]
    [InlineData("failover(a\r\nb)", "line break")]
    [InlineData("", "empty")]
    [InlineData("failover(a $weird)", "neither a DSN")]
    [InlineData("failover(smtp://user:pw@host:99999)", "not a number from 1 to 65535")]
    public void InvalidText_IsRefused_SayingWhy(string text, string reason)
    {
        Assert.False(TransportExpressionParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_NeverShowAPassword()
    {
        Assert.False(TransportExpressionParser.TryParse("failover(smtp://user:hunter2@smtp.example.com:587 ", out _, out var unclosed));
        Assert.False(TransportExpressionParser.TryParse("failover(x) smtp://user:hunter2@smtp.example.com", out _, out var trailing));

        Assert.DoesNotContain("hunter2", unclosed, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", trailing, StringComparison.Ordinal);
        Assert.Contains("user:****@", unclosed, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeOrDeeplyNestedInput_IsRefusedWithoutWorkingThroughIt()
    {
        var huge = "failover(" + string.Join(' ', Enumerable.Repeat("a", 5000)) + ")";
        var deep = string.Concat(Enumerable.Repeat("failover(", 50)) + "a" + new string(')', 50);

        Assert.False(TransportExpressionParser.TryParse(huge, out _, out var hugeError));
        Assert.False(TransportExpressionParser.TryParse(deep, out _, out var deepError));

        Assert.Contains("the limit is 4,096", hugeError, StringComparison.Ordinal);
        Assert.Contains("nest deeper than 8", deepError, StringComparison.Ordinal);
    }
}
