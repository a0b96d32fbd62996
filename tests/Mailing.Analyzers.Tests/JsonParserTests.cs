using Mailing.Analyzers.Json;

namespace Mailing.Analyzers.Tests;

public sealed class JsonParserTests
{
    [Fact]
    public void CommentsAndTrailingCommas_AreAccepted_AndSpansPointAtValues()
    {
        const string text = "/* head */ { \"a\": { \"b\": 25, }, // tail\n \"c\": [1, \"x\",], }";

        var root = JsonParser.TryParse(text);

        Assert.NotNull(root);
        var b = root!.Properties[0].Value.Properties[0].Value;
        Assert.Equal(JsonValueKind.Number, b.Kind);
        Assert.Equal("25", text.Substring(b.Span.Start, b.Span.Length));
        var x = root.Properties[1].Value.Properties[1].Value;
        Assert.Equal("\"x\"", text.Substring(x.Span.Start, x.Span.Length));
        Assert.Equal("1", root.Properties[1].Value.Properties[1].Name);
    }

    [Fact]
    public void EscapedStrings_AreUnescaped_AndMarkedNotVerbatim()
    {
        var root = JsonParser.TryParse("{\"p\": \"a\\\"b\\u0041\", \"q\": \"plain\"}");

        Assert.Equal("a\"bA", root!.Properties[0].Value.Text);
        Assert.False(root.Properties[0].Value.IsVerbatim);
        Assert.True(root.Properties[1].Value.IsVerbatim);
    }

    [Theory]
    [InlineData("{ \"a\": }")]
    [InlineData("{ \"a\": 1 ")]
    [InlineData("{ \"a\": \"unterminated }")]
    [InlineData("{ \"a\": 1 } trailing")]
    [InlineData("{ /* never closed ")]
    public void MalformedJson_GivesNull(string text) => Assert.Null(JsonParser.TryParse(text));

    [Fact]
    public void DeepNesting_GivesNullInsteadOfOverflowingTheStack()
        => Assert.Null(JsonParser.TryParse(new string('[', 10_000) + new string(']', 10_000)));
}
