using Mailing.Generators.Css;
using Mailing.Generators.Transforming;

namespace Mailing.Generators.Tests.Css;

/// <summary>Templates whose CSS cannot be decided at build time are left alone and reported.</summary>
public sealed class DataDependentCssTests
{
    private static TransformFinding SingleBlockingFinding(string template, out CssInliningResult result)
    {
        result = CssInliner.Inline(template, CssInliningOptions.Default);
        Assert.False(result.Inlined);
        Assert.Equal(template, result.Template);
        return Assert.Single(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.CssDependsOnData);
    }

    [Fact]
    public void ClassNameBuiltFromData_IsReportedAtTheAttributeValue()
    {
        var template = """<html><head><style>.btn-primary { color: #fff; }</style></head><body><a class="btn btn-{{ kind }}">Go</a></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Equal(template.IndexOf("btn btn-{{ kind }}", StringComparison.Ordinal), finding.Offset);
        Assert.Equal("btn btn-{{ kind }}".Length, finding.Length);
        Assert.Contains(".btn-primary", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WholeClassFromData_WhenARuleTargetsAClass_IsReported()
    {
        var template = """<html><head><style>a { margin: 0; } .btn-primary { color: #fff; }</style></head><body><a class="btn {{ kind }}">Go</a></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Contains(".btn-primary", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConditionalClassThatARuleNames_IsReported()
    {
        var template = """<html><head><style>.hot td { color: red; }</style></head><body><table><tr class="{{ if hot }}hot{{ end }}"><td>x</td></tr></table></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Contains(".hot td", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdFromData_WhenARuleTargetsAnId_IsReported()
    {
        var template = """<html><head><style>#promo { color: red; }</style></head><body><p id="{{ section }}">x</p></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Contains("#promo", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstChildAmongLoopedRows_IsReportedAtTheSelector()
    {
        var template = """
            <html><head><style>tr:first-child td { font-weight: bold; }</style></head><body>
            <table>{{ for item in items }}<tr><td>{{ item }}</td></tr>{{ end }}</table>
            </body></html>
            """;

        var finding = SingleBlockingFinding(template, out _);

        Assert.Equal(template.IndexOf("tr:first-child td", StringComparison.Ordinal), finding.Offset);
        Assert.Contains("loop or branch", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdjacentSiblingAfterAConditionalParagraph_IsReported()
    {
        var template = """<html><head><style>h1 + p { margin-top: 0; }</style></head><body><div>{{ if intro }}<h1>Hi</h1>{{ end }}<p>x</p></div></body></html>""";

        SingleBlockingFinding(template, out _);
    }

    [Fact]
    public void RuleOnTheImpliedTbodyOfRowsThatAreAllLooped_IsReported()
    {
        // No item, no row, and the parser adds no <tbody> for the rule to style.
        var template = """<html><head><style>tbody { color: red; }</style></head><body><table>{{ for item in items }}<tr><td>{{ item }}</td></tr>{{ end }}</table></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Contains("<tbody>", finding.Message, StringComparison.Ordinal);
        Assert.Equal(template.IndexOf("<table>", StringComparison.Ordinal), finding.Offset);
        Assert.Equal("<table>".Length, finding.Length);
    }

    [Fact]
    public void EmptyPseudoClassOnAnElementCodeWritesInto_IsReported()
    {
        var template = """<html><head><style>p:empty { display: none; }</style></head><body><p>{{ note }}</p></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Equal(template.IndexOf("p:empty", StringComparison.Ordinal), finding.Offset);
    }

    [Fact]
    public void AttributeValueSelectorOnAnAttributeCodeWrites_IsReported()
    {
        var template = """<html><head><style>a[href^="https"] { color: green; }</style></head><body><a href="{{ url }}">x</a></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Contains("href", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AttributePresenceSelector_IsInlinedWhateverTheValue()
    {
        var template = """<html><head><style>a[href] { color: green; }</style></head><body><a href="{{ url }}">x</a></body></html>""";

        var result = CssInliner.Inline(template, CssInliningOptions.Default);

        Assert.True(result.Inlined);
        Assert.Contains("<a href=\"{{ url }}\" style=\"color: green\">", result.Template, StringComparison.Ordinal);
    }

    [Fact]
    public void ElementOpenedInOneBranchAndClosedAfterIt_IsReportedAtTheBranch()
    {
        var template = """
            <html><head><style>.x p { color: red; }</style></head><body>
            {{ if fancy }}<div class="x">{{ else }}<div class="y">{{ end }}<p>text</p></div>
            </body></html>
            """;

        var result = CssInliner.Inline(template, CssInliningOptions.Default);

        Assert.False(result.Inlined);
        Assert.Equal(template, result.Template);
        var finding = result.Findings[0];
        Assert.Equal(ContentDiagnosticIds.CssDependsOnData, finding.DiagnosticId);
        Assert.Equal(template.IndexOf("{{ else }}", StringComparison.Ordinal), finding.Offset);
        Assert.Contains("close each element inside the branch", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeInsideStyle_IsReportedAtTheCode()
    {
        var template = """<html><head><style>a { color: {{ brand_color }}; }</style></head><body><a href="#">x</a></body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Equal(template.IndexOf("{{ brand_color }}", StringComparison.Ordinal), finding.Offset);
        Assert.Equal("{{ brand_color }}".Length, finding.Length);
        Assert.Contains("<style>", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeWritingWholeAttributes_IsReported()
    {
        var template = """<html><head><style>.on { color: red; }</style></head><body><p {{ if on }}class="on"{{ end }}>x</p></body></html>""";

        var result = CssInliner.Inline(template, CssInliningOptions.Default);

        Assert.False(result.Inlined);
        Assert.Contains(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.CssDependsOnData && f.Offset == template.IndexOf("{{ if on }}", StringComparison.Ordinal));
    }

    [Fact]
    public void IncludeOfAnUncomposedPartial_IsReported()
    {
        var template = """<html><head><style>p { color: red; }</style></head><body>{{ include 'footer' }}</body></html>""";

        var finding = SingleBlockingFinding(template, out _);

        Assert.Contains("partial", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BranchInsideAStyleAttribute_IsReported()
    {
        var template = """<html><head><style>p { margin: 0; }</style></head><body><p style="{{ if red }}color: red{{ end }}">x</p></body></html>""";

        var result = CssInliner.Inline(template, CssInliningOptions.Default);

        Assert.False(result.Inlined);
        Assert.Equal(template, result.Template);
        Assert.Contains(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.CssDependsOnData && f.Offset == template.IndexOf("{{ if red }}", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplyWithRuntimeInlining_LeavesTheTemplateAndReportsNoCssFinding()
    {
        var template = """<html><head><style>.btn-primary { color: #fff; }</style></head><body><a class="btn-{{ kind }}">Go</a></body></html>""";

        var result = HtmlTemplateTransform.Apply(template, new TransformOptions(InlineCss: false, TemplatePath: null));

        Assert.Equal(template, result.HtmlTemplate);
        Assert.DoesNotContain(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.CssDependsOnData);
    }

    [Fact]
    public void ApplyWithBuildTimeInlining_ReportsTheDataDependentRule()
    {
        var template = """<html><head><style>.btn-primary { color: #fff; }</style></head><body><a class="btn-{{ kind }}">Go</a></body></html>""";

        var result = HtmlTemplateTransform.Apply(template, new TransformOptions(InlineCss: true, TemplatePath: "Templates/X.sbn-html"));

        Assert.Equal(template, result.HtmlTemplate);
        Assert.Contains(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.CssDependsOnData);
    }
}
