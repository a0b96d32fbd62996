using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.Escaping;

/// <summary>HTML output is escaped by default in text and attribute contexts; the text part never is.</summary>
public sealed class EscapingTests
{
    private const string Model = """
        namespace Shop
        {
            [global::Mailing.EmailTemplate("Templates/Escape.sbn-html", TextTemplate = "Templates/Escape.sbn-txt")]
            public partial class EscapeEmail
            {
                public string Value { get; set; } = "";
            }

            public static class Factory
            {
                public static global::Mailing.IEmailTemplate Create(string value) => new EscapeEmail { Value = value };
            }
        }
        """;

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><a title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>")]
    [InlineData("\" onmouseover=\"x", "<p>&quot; onmouseover=&quot;x</p><a title=\"&quot; onmouseover=&quot;x\">x</a>")]
    [InlineData("it's", "<p>it&#39;s</p><a title=\"it&#39;s\">x</a>")]
    [InlineData("Fish & Chips", "<p>Fish &amp; Chips</p><a title=\"Fish &amp; Chips\">x</a>")]
    [InlineData("Zoë 🎉 日本", "<p>Zoë 🎉 日本</p><a title=\"Zoë 🎉 日本\">x</a>")]
    public void ValuesInHtml_AreEscapedInTextAndAttributes_AndUnicodePassesThrough(string value, string expectedHtml)
    {
        var email = Render(value);

        Assert.Equal(expectedHtml, email.Html);
    }

    [Fact]
    public void TextPart_IsNeverEscaped()
    {
        var email = Render("<b>\"Fish\" & 'Chips'</b>");

        Assert.Equal("<b>\"Fish\" & 'Chips'</b> | <b>\"Fish\" & 'Chips'</b>", email.Text);
    }

    [Fact]
    public void RawMarker_WritesTheValueUnescaped_AndIsReportedAsInfo()
    {
        var result = GeneratorHarness.Run(
            Model.Replace("Templates/Escape.sbn-html\", TextTemplate = \"Templates/Escape.sbn-txt\"", "Templates/Raw.sbn-html\""),
            ("Templates/Raw.sbn-html", "<div>\n  {{ value | html.raw }}</div>"));
        var factory = result.Load().GetType("Shop.Factory")!;
        var email = (IEmailTemplate)factory.GetMethod("Create")!.Invoke(null, ["<b>bold</b>"])!;

        Assert.Equal("<div>\n  <b>bold</b></div>", email.Render().Html);
        var info = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "MAIL0011");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, info.Severity);
        Assert.Equal(1, info.Location.GetLineSpan().StartLinePosition.Line);
    }

    private static RenderedEmail Render(string value)
    {
        var assembly = Compiled.Value;
        var email = (IEmailTemplate)assembly.GetType("Shop.Factory")!.GetMethod("Create")!.Invoke(null, [value])!;
        return email.Render();
    }

    private static readonly Lazy<System.Reflection.Assembly> Compiled = new(() => GeneratorHarness.Run(
        Model,
        ("Templates/Escape.sbn-html", "<p>{{ value }}</p><a title=\"{{ value }}\">x</a>"),
        ("Templates/Escape.sbn-txt", "{{ value }} | {{ value }}")).Load());
}
