using Mailing.Generators.Css;
using Mailing.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mailing.Generators.Tests.Css;

/// <summary>Through the generator: layouts are composed before inlining, and the run-time opt-in is honoured.</summary>
public sealed class GeneratedLayoutInliningTests
{
    private const string Layout = """
        <!DOCTYPE html>
        <html><head><style>p { color: #123456; } .btn-primary { background-color: #00f; }</style></head>
        <body><span class="preheader" style="display: none">Hello</span>{{ content }}</body></html>
        """;

    [Fact]
    public void RuleInTheLayout_IsInlinedIntoTheBodyTemplatesMarkup()
    {
        var source = """
            [Mailing.EmailTemplate("Templates/Hello.sbn-html", Layout = "Templates/_Layout.sbn-html")]
            public partial class HelloEmail { public required string Name { get; init; } }
            """;
        var result = GeneratorHarness.Run(source, ("Templates/Hello.sbn-html", "<p>Hi {{ name }}</p>"), ("Templates/_Layout.sbn-html", Layout));

        var email = Activator.CreateInstance(result.Load().GetType("HelloEmail", throwOnError: true)!)!;
        email.GetType().GetProperty("Name")!.SetValue(email, "Ann");
        var rendered = email.GetType().GetMethod("Render", [typeof(IFormatProvider)])!.Invoke(email, [null])!;

        Assert.Contains("<p style=\"color: #123456\">Hi Ann</p>", (string)rendered.GetType().GetProperty("Html")!.GetValue(rendered)!, StringComparison.Ordinal);
        Assert.Equal("Hi Ann\n", (string)rendered.GetType().GetProperty("Text")!.GetValue(rendered)!);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(", CssInlining = Mailing.CssInlining.Runtime", false)]
    public void DataDependentClass_IsReportedUnlessRunTimeInliningIsChosen(string option, bool reported)
    {
        var source = $$"""
            [Mailing.EmailTemplate("Templates/Promo.sbn-html", Layout = "Templates/_Layout.sbn-html"{{option}})]
            public partial class PromoEmail { public required string Kind { get; init; } }
            """;
        var body = """<p><a class="btn-{{ kind }}" href="https://example.com">Go</a></p>""";

        var compilation = GeneratorHarness.CreateCompilation(source);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        GeneratorHarness.CreateDriver(GeneratorHarness.Files(("Templates/Promo.sbn-html", body), ("Templates/_Layout.sbn-html", Layout)))
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        var finding = diagnostics.Where(d => d.Id == ContentDiagnosticIds.CssDependsOnData).ToList();
        Assert.Equal(reported, finding.Count == 1);
        if (reported)
        {
            var span = finding[0].Location.GetLineSpan();
            Assert.EndsWith("Templates/Promo.sbn-html", span.Path, StringComparison.Ordinal);
            Assert.Equal(0, span.StartLinePosition.Line);
            Assert.Equal(body.IndexOf("btn-{{ kind }}", StringComparison.Ordinal), span.StartLinePosition.Character);
            Assert.Contains("CssInlining.Runtime", finding[0].GetMessage(), StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Warning, finding[0].Severity);
        }
    }
}
