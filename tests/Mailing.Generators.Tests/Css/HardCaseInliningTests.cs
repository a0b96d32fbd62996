using Mailing.Generators.Css;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Css;

/// <summary>The cases that break naive inlining of template text, each checked against PreMailer.</summary>
public sealed class HardCaseInliningTests
{
    private static readonly CssInliningOptions KeepAll = CssInliningOptions.Default;

    private static ScriptObject Model(params (string Name, object? Value)[] values)
    {
        var model = new ScriptObject();
        foreach (var (name, value) in values)
        {
            model[name] = value;
        }

        return model;
    }

    private static ScriptArray Items(int count)
        => new(Enumerable.Range(1, count).Select(i => (object)Model(("name", $"Item {i}"), ("price", $"${i}.00"), ("color", i % 2 == 0 ? "red" : "#00f"))));

    private const string RowsTemplate = """
        <html><head><style>
        td { padding: 4px; color: #333; }
        .price { text-align: right; font-weight: bold; }
        </style></head><body>
        <table class="items">
          {{ for item in items }}
          <tr><td>{{ item.name }}</td><td class="price">{{ item.price }}</td></tr>
          {{ end }}
          <tr><td>Total</td><td class="price">{{ total }}</td></tr>
        </table>
        </body></html>
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void LoopOfRowsBetweenTableAndTr_KeepsTheLoopInsideTheTable(int count)
    {
        InliningOracle.AssertMatchesPreMailer(RowsTemplate, Model(("items", Items(count)), ("total", "$6.00")), KeepAll);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void RuleOnTheImpliedTbody_IsWrittenOnAnExplicitTbodyAroundTheRows(int count)
    {
        var template = """
            <html><head><style>tbody { background-color: #eee; } td { padding: 2px; }</style></head><body>
            <table>
              <tr><td>Name</td></tr>
              {{ for item in items }}<tr><td>{{ item.name }}</td></tr>{{ end }}
            </table>
            </body></html>
            """;

        var result = CssInliner.Inline(template, KeepAll);

        Assert.Contains("<tbody style=\"background-color: #eee\"><tr><td style=\"padding: 2px\">Name</td></tr>", result.Template, StringComparison.Ordinal);
        Assert.Contains("{{ end }}\n</tbody></table>", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, Model(("items", Items(count))), KeepAll);
    }

    [Theory]
    [InlineData("primary")]
    [InlineData("")]
    public void CodeInAttributeValues_StaysAsWrittenBesideTheInlinedStyle(string kind)
    {
        var template = """
            <html><head><style>a { color: #00f; } .btn { padding: 8px 12px; }</style></head><body>
            <a class="btn {{ kind }}" href="{{ url }}" title="Open {{ name }}">Open</a>
            </body></html>
            """;

        var result = CssInliner.Inline(template, KeepAll);

        Assert.Contains("class=\"btn {{ kind }}\" href=\"{{ url }}\" title=\"Open {{ name }}\" style=\"", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, Model(("kind", kind), ("url", "https://example.com/?a=1&b=2"), ("name", "Ann \"A\"")), KeepAll);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#123456")]
    public void CodeInAStyleAttribute_IsMergedWithTheRulesAndKeptAsCode(string color)
    {
        var template = """
            <html><head><style>p { color: black; margin: 0; } .lead { font-size: 18px !important; }</style></head><body>
            <p class="lead" style="color: {{ color }}; font-size: 12px">Hello</p>
            </body></html>
            """;

        var result = CssInliner.Inline(template, KeepAll);

        Assert.Contains("{{ color }}", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, Model(("color", color)), KeepAll);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConditionalClassThatNoRuleNames_IsInlinedForBothBranches(bool highlight)
    {
        var template = """
            <html><head><style>p { color: #222; }</style></head><body>
            <p class="{{ if highlight }}hot{{ else }}cold{{ end }}">Weather</p>
            {{ if highlight }}<p>Hot today.</p>{{ else }}<p>Cold today.</p>{{ end }}
            </body></html>
            """;

        InliningOracle.AssertMatchesPreMailer(template, Model(("highlight", highlight)), KeepAll);
    }

    [Fact]
    public void ImportantSpecificityAndExistingStyle_ResolveAsPreMailerResolvesThem()
    {
        var template = """
            <html><head><style>
            p { color: red !important; font-size: 14px; }
            #main p { font-size: 16px; color: green; }
            .note { font-size: 12px; }
            p.note { margin: 0; }
            </style></head><body><div id="main">
            <p class="note" style="font-size: 20px; color: blue">{{ text }}</p>
            <p>{{ text }}</p>
            </div></body></html>
            """;

        InliningOracle.AssertMatchesPreMailer(template, Model(("text", "Hi")), KeepAll);
    }

    [Fact]
    public void KeepAll_LeavesMediaQueriesHoverAndFontFaceInTheStyleBlock()
    {
        var template = """
            <html><head><style>
            @font-face { font-family: Brand; src: url(https://example.com/brand.woff2); }
            a { color: #00f; }
            a:hover { color: #f00; }
            @media only screen and (max-width: 600px) { a { display: block; } }
            </style></head><body><a href="{{ url }}">Go</a></body></html>
            """;

        var result = CssInliner.Inline(template, KeepAll);

        Assert.Contains("@font-face", result.Template, StringComparison.Ordinal);
        Assert.Contains("a:hover { color: #f00; }", result.Template, StringComparison.Ordinal);
        Assert.Contains("@media only screen", result.Template, StringComparison.Ordinal);
        Assert.Contains("<a href=\"{{ url }}\" style=\"color: #00f\">", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, Model(("url", "https://example.com")), KeepAll);
    }

    [Fact]
    public void KeepMediaQueriesOnly_RemovesInlinedRulesAndKeepsMediaQueries()
    {
        var options = CssInliningOptions.Default with { StyleBlocks = StyleBlockMode.KeepMediaQueriesOnly };
        var template = """
            <html><head><style>p { color: #333; }</style><style>
            p { margin: 0; }
            @media only screen and (max-width: 600px) { p { font-size: 18px; } }
            </style></head><body><p>{{ text }}</p></body></html>
            """;

        var result = CssInliner.Inline(template, options);

        Assert.DoesNotContain("p { color: #333; }", result.Template, StringComparison.Ordinal);
        Assert.DoesNotContain("p { margin: 0; }", result.Template, StringComparison.Ordinal);
        Assert.Contains("@media only screen and (max-width: 600px)", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, Model(("text", "Hi")), options);
    }

    [Fact]
    public void LayoutComposedWithItsBody_IsInlinedAcrossBoth()
    {
        var layout = """
            <html><head><style>h1 { font-size: 24px; } .footer { color: #999; } td { padding: 0; }</style></head>
            <body><table><tr><td>{{ content }}</td></tr></table><p class="footer">Sent to {{ email }}</p></body></html>
            """;
        var body = """<h1>Hi {{ name }}</h1>{{ for line in lines }}<p>{{ line }}</p>{{ end }}""";
        var composed = layout.Replace("{{ content }}", body, StringComparison.Ordinal);

        var result = CssInliner.Inline(composed, KeepAll);

        Assert.Contains("<h1 style=\"font-size: 24px\">Hi {{ name }}</h1>", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(composed, Model(("name", "Ann"), ("email", "ann@example.com"), ("lines", new ScriptArray { "a", "b" })), KeepAll);
    }

    [Fact]
    public void PositionalSelectorsOverStaticRows_AreInlined()
    {
        var template = """
            <html><head><style>tr:first-child td { font-weight: bold; } p:last-child { margin: 0; }</style></head><body>
            <table><tr><td>Head</td></tr><tr><td>{{ a }}</td></tr></table>
            <div>{{ for line in lines }}<span>{{ line }}</span>{{ end }}</div><div><p>one</p><p>two</p></div>
            </body></html>
            """;

        InliningOracle.AssertMatchesPreMailer(template, Model(("a", "x"), ("lines", new ScriptArray { "a" })), KeepAll);
    }

    [Fact]
    public void TemplateWithoutCss_IsLeftExactlyAsWritten()
    {
        var template = """<html><body><table>{{ for item in items }}<tr><td style="color: red">{{ item.name }}</td></tr>{{ end }}</table></body></html>""";

        var result = CssInliner.Inline(template, KeepAll);

        Assert.True(result.Inlined);
        Assert.Equal(template, result.Template);
        InliningOracle.AssertMatchesPreMailer(template, Model(("items", Items(2))), KeepAll);
    }

    [Fact]
    public void ProvidedStylesheet_IsInlinedAndItsLinkRemoved()
    {
        var stylesheets = new Dictionary<string, string> { ["mail.css"] = "p { color: #123456; }" };
        var template = """<html><head><link rel="stylesheet" href="mail.css"></head><body><p>{{ text }}</p></body></html>""";

        var result = CssInliner.Inline(template, KeepAll with { Stylesheets = InliningOracle.ByHref(stylesheets) });

        Assert.DoesNotContain("<link", result.Template, StringComparison.Ordinal);
        Assert.Contains("<p style=\"color: #123456\">", result.Template, StringComparison.Ordinal);
        InliningOracle.AssertMatchesPreMailer(template, Model(("text", "Hi")), KeepAll, stylesheets);
    }
}
