using Mailing.Generators.Css;
using Mailing.Generators.Tests.Infrastructure;
using Mailing.Templates;
using Microsoft.CodeAnalysis;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Css;

/// <summary>
/// Through the generator: a <c>&lt;link rel="stylesheet"&gt;</c> to a .css file among the
/// AdditionalFiles is inlined at build time, resolved against the file the link is written in.
/// </summary>
public sealed class GeneratedStylesheetLinkTests
{
    private const string Stylesheet = """
        p { color: #123456; margin: 0; }
        .btn { padding: 4px 8px; }
        a:hover { color: #f00; }
        @media only screen and (max-width: 600px) { p { font-size: 18px; } }
        """;

    private const string Welcome = """
        <!DOCTYPE html>
        <html>
        <head>
        <link rel="stylesheet" href="email.css">
        <style>.btn { color: #fff; }</style>
        </head>
        <body>
          <p>Hi {{ name }}</p>
          <a class="btn" href="https://example.com/go">Go</a>
        </body>
        </html>
        """;

    private static string Source(string attribute) => $$"""
        [Mailing.EmailTemplate({{attribute}})]
        public partial class WelcomeEmail { public required string Name { get; init; } }
        """;

    [Fact]
    public void StylesheetBesideTheTemplate_IsInlinedAndItsMediaQueriesKeptInAStyleBlock()
    {
        var html = Render(Source("\"Emails/Welcome.sbn-html\""), ("Emails/Welcome.sbn-html", Welcome), ("Emails/email.css", Stylesheet));

        Assert.Contains("<p style=\"color: #123456;margin: 0\">Hi Ann</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"btn\" href=\"https://example.com/go\" style=\"padding: 4px 8px;color: #fff\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Contains("<style>" + Stylesheet + "</style>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(StyleBlockMode.KeepAll))]
    [InlineData(nameof(StyleBlockMode.KeepMediaQueriesOnly))]
    public void InlinedStylesheet_GivesTheDomPreMailerGivesWithTheSheetAsAStyleBlockAtTheLink(string styleBlocks)
    {
        var options = CssInliningOptions.Default with { StyleBlocks = Enum.Parse<StyleBlockMode>(styleBlocks) };

        InliningOracle.AssertMatchesPreMailer(Welcome, new ScriptObject { ["name"] = "Ann" }, options, new Dictionary<string, string> { ["email.css"] = Stylesheet });
    }

    [Fact]
    public void LinkForPrint_BecomesAPrintStyleBlockThatIsNotInlined()
    {
        var template = """<html><head><link rel="stylesheet" href="print.css" media="print"></head><body><p>Hi {{ name }}</p></body></html>""";
        var stylesheets = new Dictionary<string, string> { ["print.css"] = "p { color: #000; }" };

        var result = CssInliner.Inline(template, CssInliningOptions.Default with { Stylesheets = InliningOracle.ByHref(stylesheets) });

        Assert.Contains("<style media=\"print\">p { color: #000; }</style>", result.Template, StringComparison.Ordinal);
        Assert.Contains("<p>Hi {{ name }}</p>", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, new ScriptObject { ["name"] = "Ann" }, CssInliningOptions.Default, stylesheets);
    }

    [Fact]
    public void StylesheetThatWouldCloseItsStyleBlock_IsReportedAndLeftLinked()
    {
        var template = """<html><head><link rel="stylesheet" href="odd.css"></head><body><p>x</p></body></html>""";
        var stylesheets = new Dictionary<string, string> { ["odd.css"] = "p { color: red; } /* </style><script>x</script> */" };

        var result = CssInliner.Inline(template, CssInliningOptions.Default with { Stylesheets = InliningOracle.ByHref(stylesheets) });

        var finding = Assert.Single(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.StylesheetNotInlined);
        Assert.Contains("'</style'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(template, result.Template);
    }

    [Fact]
    public void GeneratedRender_IsPreMailersDomOnScribansRenderWithTheSheetAsAStyleBlock()
    {
        var html = Render(Source("\"Emails/Welcome.sbn-html\""), ("Emails/Welcome.sbn-html", Welcome), ("Emails/email.css", Stylesheet));

        var expected = InliningOracle.PreMailerOnRendered(
            InliningOracle.Render(Welcome, new ScriptObject { ["name"] = "Ann" }),
            CssInliningOptions.Default,
            new Dictionary<string, string> { ["email.css"] = Stylesheet });
        InliningOracle.AssertSameDom(expected, html);
    }

    [Fact]
    public void LinkedStylesheet_CountsAtTheLinksPlaceAmongTheStyleBlocks()
    {
        // PreMailer left to download the sheet would read it after every <style> block (blue); the
        // sheet is read where the link stands, as a browser reads it, so the later block wins.
        var template = """
            <html><head><style>p { color: red; }</style><link rel="stylesheet" href="email.css"><style>p { color: green; }</style></head>
            <body><p>Hi {{ name }}</p></body></html>
            """;

        var html = Render(Source("\"Emails/Welcome.sbn-html\""), ("Emails/Welcome.sbn-html", template), ("Emails/email.css", "p { color: blue; }"));

        Assert.Contains("<p style=\"color: green\">Hi Ann</p>", html, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, new ScriptObject { ["name"] = "Ann" }, CssInliningOptions.Default, new Dictionary<string, string> { ["email.css"] = "p { color: blue; }" });
    }

    [Theory]
    [InlineData("Emails/Orders/Shipped.sbn-html", "email.css", "Emails/Orders/email.css")]
    [InlineData("Emails/Orders/Shipped.sbn-html", "./email.css", "Emails/Orders/email.css")]
    [InlineData("Emails/Orders/Shipped.sbn-html", "styles/email.css?v=3", "Emails/Orders/styles/email.css")]
    [InlineData("Emails/Orders/Shipped.sbn-html", "../shared/email.css", "Emails/shared/email.css")]
    [InlineData("Emails/Orders/Shipped.sbn-html", "../Shared%20Styles/email.css", "Emails/Shared Styles/email.css")]
    public void RelativeHref_IsResolvedAgainstTheTemplatesFolder(string template, string href, string stylesheet)
    {
        var html = Render(
            Source($"\"{template}\""),
            (template, $$$"""<link rel="stylesheet" href="{{{href}}}"><p>Hi {{ name }}</p>"""),
            (stylesheet, "p { color: #123456; }"),
            ("Emails/email.css", "p { color: #badbad; }"));

        Assert.Contains("<p style=\"color: #123456\">Hi Ann</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkInTheLayout_IsResolvedAgainstTheLayoutsFolder()
    {
        var source = Source("\"Emails/Welcome.sbn-html\", Layout = \"Layouts/_Main.sbn-html\"");
        var layout = """<html><head><link rel="stylesheet" href="main.css"></head><body>{{ content }}</body></html>""";

        var html = Render(
            source,
            ("Emails/Welcome.sbn-html", "<p>Hi {{ name }}</p>"),
            ("Layouts/_Main.sbn-html", layout),
            ("Layouts/main.css", "p { color: #123456; }"),
            ("Emails/main.css", "p { color: #badbad; }"));

        Assert.Contains("<p style=\"color: #123456\">Hi Ann</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkInAPartial_IsResolvedAgainstThePartialsFolder()
    {
        var html = Render(
            Source("\"Emails/Welcome.sbn-html\""),
            ("Emails/Welcome.sbn-html", "{{ include 'shared/head' }}<p>Hi {{ name }}</p>"),
            ("Emails/shared/_head.sbn-html", """<link rel="stylesheet" href="head.css">"""),
            ("Emails/shared/head.css", "p { color: #123456; }"));

        Assert.Contains("<p style=\"color: #123456\">Hi Ann</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkInAnInlineTemplate_IsResolvedAgainstTheFolderOfItsCSharpFile()
    {
        var html = Render(
            Source("Html = \"<link rel='stylesheet' href='Emails/email.css'><p>Hi {{ name }}</p>\""),
            ("Emails/email.css", "p { color: #123456; }"));

        Assert.Contains("<p style=\"color: #123456\">Hi Ann</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void StylesheetWithScribanLikeText_IsWrittenOutAsCss()
    {
        var css = "/* {{ not template code }} */ p { color: #123456; }";

        var html = Render(
            Source("\"Emails/Welcome.sbn-html\""),
            ("Emails/Welcome.sbn-html", """<link rel="stylesheet" href="email.css"><p>Hi {{ name }}</p>"""),
            ("Emails/email.css", css));

        Assert.Contains("<style>" + css + "</style>", html, StringComparison.Ordinal);
        Assert.Contains("<p style=\"color: #123456\">Hi Ann</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesOfASharedStylesheetThatMatchNothing_AreNotReportedAsUnused()
    {
        var result = Run(
            Source("\"Emails/Welcome.sbn-html\""),
            ("Emails/Welcome.sbn-html", """<link rel="stylesheet" href="email.css"><style>.own-unused { color: red; }</style><p>Hi {{ name }}</p>"""),
            ("Emails/email.css", "p { color: #123456; } .used-by-another-email { color: #000; }"));

        var unused = Assert.Single(result.GeneratorDiagnostics, d => d.Id == ContentDiagnosticIds.UnusedStyleRule);
        Assert.Contains(".own-unused", unused.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DataDependentRuleOfALinkedStylesheet_IsReportedAtTheLink()
    {
        var template = "<p>x</p>\n  <link rel=\"stylesheet\" href=\"email.css\"><p>{{ name }}</p>";

        var result = Run(Source("\"Emails/Welcome.sbn-html\""), ("Emails/Welcome.sbn-html", template), ("Emails/email.css", "p:empty { display: none; }"));

        var finding = Assert.Single(result.GeneratorDiagnostics, d => d.Id == ContentDiagnosticIds.CssDependsOnData);
        var span = finding.Location.GetLineSpan();
        Assert.EndsWith("Emails/Welcome.sbn-html", span.Path, StringComparison.Ordinal);
        Assert.Equal((1, 2), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains("p:empty", finding.GetMessage(), StringComparison.Ordinal);
    }

    private static GenerationResult Run(string source, params (string Path, string Text)[] files)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Files(files)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GenerationResult(driver.GetRunResult(), output, diagnostics);
    }

    private static string Render(string source, params (string Path, string Text)[] files)
    {
        var result = Run(source, files);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == ContentDiagnosticIds.StylesheetNotInlined);
        var email = Activator.CreateInstance(result.Load().GetType("WelcomeEmail", throwOnError: true)!)!;
        email.GetType().GetProperty("Name")!.SetValue(email, "Ann");
        return ((IEmailTemplate)email).Render().Html;
    }
}
