using Mailing.Generators.Css;

namespace Mailing.Generators.Tests.Css;

public sealed class TemplateCodeScannerTests
{
    [Theory]
    [InlineData("{{ name }}", "Output")]
    [InlineData("{{ item.end }}", "Output")]
    [InlineData("{{ for.index + 1 }}", "Output")]
    [InlineData("{{ 'a' | string.upcase }}", "Output")]
    [InlineData("{{ for item in items }}", "Control")]
    [InlineData("{{~ if x -}}", "Control")]
    [InlineData("{{ end }}", "Control")]
    [InlineData("{{ include 'footer' }}", "Include")]
    [InlineData("{{ }}", "Silent")]
    [InlineData("{{ # a comment }}", "Silent")]
    [InlineData("{{ total = 1 + 2 }}", "Silent")]
    [InlineData("{{ total = 1; total }}", "Output")]
    public void Block_IsClassifiedByWhatItDoesToTheMarkup(string code, string expected)
    {
        var template = "<p>" + code + "</p>";

        var block = Assert.Single(TemplateCodeScanner.Scan(template));

        Assert.Equal(Enum.Parse<TemplateCodeKind>(expected), block.Kind);
        Assert.Equal(3, block.Start);
        Assert.Equal(code.Length, block.Length);
    }

    [Fact]
    public void LoopStateInsideTheLoop_DoesNotOpenAnotherScope()
    {
        var template = "<ol>{{ for step in steps }}<li>{{ for.index + 1 }}</li>{{ end }}</ol>";

        var blocks = TemplateCodeScanner.Scan(template);

        Assert.Equal([1, 0, -1], blocks.Select(block => block.ScopeChange));
    }
}
