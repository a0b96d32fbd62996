using System.Text;
using Mailing.Generators.Css;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Css;

/// <summary>
/// Soundness over generated templates: whenever the inliner inlines (reports no MAIL0100), the
/// render of its output equals PreMailer on the render for every model tried. Seeds make every
/// case reproducible; the failing template is printed.
/// </summary>
public sealed class RandomTemplateInliningTests
{
    private const int SeedCount = 300;

    private static readonly string[] Rules =
    [
        "p { color: #111; }", ".a { margin: 0; }", ".b p { padding: 1px; }", "td { padding: 2px; }",
        "tr td.a { color: red !important; }", "#main .a { font-size: 12px; }", "table { width: 100%; }",
        "span.b { font-weight: bold; }", "li:first-child { margin-top: 0; }", "tr:first-child td { border: 0; }",
        "h1 + p { margin-top: 0; }", "p:last-child { margin-bottom: 0; }", ".c { color: blue; }",
        "tbody { background-color: #eee; }", "a { color: #00f; }", "a:hover { color: red; }",
        "@media (max-width: 600px) { p { font-size: 18px; } }", "div > p { line-height: 1.5; }",
        "* { box-sizing: border-box; }", "[href] { text-decoration: none; }", ".a.c { color: green; }",
        "li { list-style: none; }", "p ~ p { text-indent: 1em; }", "td:nth-child(2) { text-align: right; }",
        "p:empty { display: none; }", "span:not(.b) { color: gray; }", "td.a + td { color: #333; }",
        "[href^=\"https\"] { color: green; }", "#a { color: olive; }", "ul > li:last-child { margin: 0; }",
    ];

    private static readonly string[] Classes = ["", "a", "b", "c", "a c", "", "a", "b", "c", "{{ kind }}", "b {{ kind }}", "{{ if flag }}c{{ end }}", "{{ if flag }}a{{ else }}b{{ end }}"];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= SeedCount; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void InlinedTemplate_MatchesPreMailerForEveryModel_OrIsReported(int seed)
    {
        var random = new Random(seed);
        var template = Template(random);

        foreach (var mode in new[] { StyleBlockMode.KeepAll, StyleBlockMode.KeepMediaQueriesOnly })
        {
            var options = CssInliningOptions.Default with { StyleBlocks = mode };
            var result = CssInliner.Inline(template, options);
            if (!result.Inlined)
            {
                Assert.Contains(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.CssDependsOnData);
                continue;
            }

            foreach (var model in Models())
            {
                try
                {
                    InliningOracle.AssertSameDom(
                        InliningOracle.PreMailerOnRendered(InliningOracle.Render(template, model), options),
                        InliningOracle.Render(result.Template, model));
                }
                catch (Exception exception) when (exception is Xunit.Sdk.XunitException)
                {
                    throw new Xunit.Sdk.XunitException($"Seed {seed}, {mode}, template:\n{template}\n\n{exception.Message}");
                }
            }
        }
    }

    [Fact]
    public void GeneratedTemplates_IncludeManyThatAreInlined_SoTheSoundnessTestChecksSomething()
    {
        var outcomes = Enumerable.Range(1, SeedCount).Select(seed => CssInliner.Inline(Template(new Random(seed)), CssInliningOptions.Default).Inlined).ToList();

        Assert.True(outcomes.Count(inlined => inlined) >= SeedCount / 6, $"only {outcomes.Count(inlined => inlined)} of {SeedCount} generated templates were inlined");
        Assert.Contains(false, outcomes);
    }

    internal static IEnumerable<ScriptObject> Models()
    {
        foreach (var (rows, flag, kind, x) in new[] { (0, false, "", "X & Y"), (1, true, "a", ""), (3, false, "c", "X"), (2, true, "b", "") })
        {
            yield return new ScriptObject
            {
                ["rows"] = new ScriptArray(Enumerable.Range(1, rows).Select(i => (object)$"row {i}")),
                ["flag"] = flag,
                ["kind"] = kind,
                ["x"] = x,
                ["url"] = "https://example.com/?a=1&b=2",
                ["color"] = flag ? "red" : "#0a0",
            };
        }
    }

    internal static string Template(Random random)
    {
        var css = string.Join("\n", Rules.Where(_ => random.Next(3) == 0));
        var body = new StringBuilder();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            Block(random, body, depth: 0);
        }

        return $"<html><head><style>\n{css}\n</style></head><body><div id=\"main\">{body}</div></body></html>";
    }

    private static void Block(Random random, StringBuilder html, int depth)
    {
        string Class() => Classes[random.Next(Classes.Length)];
        switch (random.Next(depth >= 2 ? 5 : 11))
        {
            case 0:
                html.Append($"<p class=\"{Class()}\">text {{{{ x }}}}</p>");
                break;
            case 1:
                html.Append($"<a href=\"{{{{ url }}}}\" class=\"{Class()}\">go</a>");
                break;
            case 2:
                html.Append($"<span class=\"{Class()}\">s</span>");
                break;
            case 3:
                html.Append("<p style=\"color: {{ color }}; margin: 0\">styled</p>");
                break;
            case 4:
                html.Append("<h1>Title</h1><p>after</p>");
                break;
            case 5:
                html.Append($"<div class=\"{Class()}\">");
                Block(random, html, depth + 1);
                Block(random, html, depth + 1);
                html.Append("</div>");
                break;
            case 6:
                html.Append($"<table class=\"{Class()}\">\n  ");
                if (random.Next(2) == 0)
                {
                    html.Append("<tr><td>head</td><td>2</td></tr>\n  ");
                }

                html.Append($"{{{{ for r in rows }}}}\n  <tr><td class=\"{Class()}\">{{{{ r }}}}</td><td>v</td></tr>\n  {{{{ end }}}}\n</table>");
                break;
            case 7:
                html.Append("{{ if flag }}");
                Block(random, html, depth + 1);
                html.Append("{{ else }}");
                Block(random, html, depth + 1);
                html.Append("{{ end }}");
                break;
            case 9:
                html.Append($"<p id=\"{(random.Next(2) == 0 ? "a" : "{{ kind }}")}\">{{{{ x }}}}</p>");
                break;
            case 10:
                html.Append("<table>{{ if flag }}<tr><td class=\"a\">maybe</td><td>1</td></tr>{{ end }}<tr><td>always</td><td>2</td></tr></table>");
                break;
            default:
                html.Append($"<ul class=\"{Class()}\">{{{{ for r in rows }}}}<li>{{{{ r }}}}</li>{{{{ end }}}}</ul>");
                break;
        }
    }
}
