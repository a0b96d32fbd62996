using Mailing.Generators.Css;
using Mailing.Generators.Transforming;

namespace Mailing.Generators.Tests.Css;

public sealed class HtmlContentCheckerTests
{
    private const string Preheader = """<span class="preheader" style="display: none">Your receipt</span>""";

    private static List<TransformFinding> Check(string template) => HtmlContentChecker.Check(template, template);

    [Fact]
    public void ImageWithoutAlt_IsReportedAtTheTag_AndEmptyAltIsAccepted()
    {
        var template = $"""<html><body>{Preheader}<img src="https://example.com/logo.png"><img src="https://example.com/spacer.gif" alt=""></body></html>""";

        var finding = Assert.Single(Check(template));

        Assert.Equal(ContentDiagnosticIds.ImageWithoutAlt, finding.DiagnosticId);
        Assert.Equal(template.IndexOf("<img", StringComparison.Ordinal), finding.Offset);
        Assert.Equal("""<img src="https://example.com/logo.png">""".Length, finding.Length);
    }

    [Fact]
    public void HttpLink_IsReportedAtItsUrl_AndHttpsOrCodeIsNot()
    {
        var template = $$$"""<html><body>{{{Preheader}}}<a href="http://example.com/a">a</a><a href="https://example.com/b">b</a><a href="{{ url }}">c</a></body></html>""";

        var finding = Assert.Single(Check(template));

        Assert.Equal(ContentDiagnosticIds.InsecureLink, finding.DiagnosticId);
        Assert.Equal(template.IndexOf("http://example.com/a", StringComparison.Ordinal), finding.Offset);
        Assert.Equal("http://example.com/a".Length, finding.Length);
    }

    [Fact]
    public void DocumentWithoutAHiddenPreheader_IsReportedAtBody()
    {
        var template = "<html><body><p>Hello</p></body></html>";

        var finding = Assert.Single(Check(template));

        Assert.Equal(ContentDiagnosticIds.MissingPreheader, finding.DiagnosticId);
        Assert.Equal(template.IndexOf("<body>", StringComparison.Ordinal), finding.Offset);
    }

    [Fact]
    public void HiddenDivAtTheTopOfBody_CountsAsAPreheader()
    {
        Assert.Empty(Check("""<html><body><div style="display:none;max-height:0">Preview</div><p>Hello</p></body></html>"""));
    }

    [Fact]
    public void FragmentWithoutBody_IsNotAskedForAPreheader()
    {
        Assert.Empty(Check("<p>Hello {{ name }}</p>"));
    }

    [Fact]
    public void StaticHtmlNearGmailsClipLimit_IsReported_AndCodeDoesNotCount()
    {
        var filler = new string('x', HtmlContentChecker.GmailWarningBytes);
        var large = $"<html><body>{Preheader}<p>{filler}</p></body></html>";
        var code = "<html><body>" + Preheader + "<p>{{ '" + new string('x', HtmlContentChecker.GmailWarningBytes) + "' }}</p></body></html>";

        var finding = Assert.Single(Check(large));

        Assert.Equal(ContentDiagnosticIds.GmailClipping, finding.DiagnosticId);
        Assert.Contains("102 KB", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Check(code));
    }

    [Fact]
    public void StyleRuleThatMatchesNothing_IsReportedAtTheSelector()
    {
        var template = $$"""<html><head><style>p { color: red; } .unused-banner { color: blue; }</style></head><body>{{Preheader}}<p>x</p></body></html>""";

        var result = CssInliner.Inline(template, CssInliningOptions.Default);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ContentDiagnosticIds.UnusedStyleRule, finding.DiagnosticId);
        Assert.Equal(template.IndexOf(".unused-banner", StringComparison.Ordinal), finding.Offset);
        Assert.Equal(".unused-banner".Length, finding.Length);
    }
}
