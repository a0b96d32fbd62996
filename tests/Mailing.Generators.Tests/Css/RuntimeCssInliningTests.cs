using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Mailing.Generators.Css;
using Mailing.Generators.Tests.Corpus;
using Mailing.Generators.Tests.Infrastructure;
using Mailing.Templates;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Css;

/// <summary>
/// <c>CssInlining = CssInlining.Runtime</c> through the generator: the compiled template inlines
/// each rendered message as PreMailer does on Scriban's render, and fetches nothing.
/// </summary>
public sealed class RuntimeCssInliningTests
{
    private const string ButtonTemplate = """
        <!DOCTYPE html>
        <html>
        <head>
        <title></title>
        <style>
          .btn { padding: 4px 8px; }
          .btn-primary { color: red; }
          @media (max-width: 600px) { .btn { display: block; } }
        </style>
        </head>
        <body>
          <p>Hello {{ name }}</p>
          <a class="btn btn-{{ kind }}" href="https://example.com/go">Go</a>
        </body>
        </html>
        """;

    // Static markup (a table with a loop of rows, a positional rule over static siblings, a merged
    // style attribute): Build mode can inline it, so both modes must give the same message.
    private const string StaticTemplate = """
        <!DOCTYPE html>
        <html>
        <head>
        <style>
          body { margin: 0; }
          td { padding: 2px; }
          .total td { font-weight: bold; }
          p:first-child { margin-top: 0; }
          @media (max-width: 600px) { td { padding: 0; } }
        </style>
        </head>
        <body>
          <div><p>Hi {{ name }}</p><p style="color: #333">Your order</p></div>
          <table>
            {{ for line in lines }}<tr><td>{{ line }}</td></tr>{{ end }}
            <tr class="total"><td>Total</td></tr>
          </table>
        </body>
        </html>
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.Run(
        """
        using System.Collections.Generic;

        namespace Shop
        {
            [Mailing.EmailTemplate("Templates/Button.sbn-html", CssInlining = Mailing.CssInlining.Runtime)]
            public partial class ButtonEmail
            {
                public required string Name { get; init; }
                public required string Kind { get; init; }
            }

            [Mailing.EmailTemplate("Templates/Static.sbn-html", CssInlining = Mailing.CssInlining.Runtime)]
            public partial class StaticRuntimeEmail
            {
                public required string Name { get; init; }
                public required List<string> Lines { get; init; }
            }

            [Mailing.EmailTemplate("Templates/Static.sbn-html")]
            public partial class StaticBuildEmail
            {
                public required string Name { get; init; }
                public required List<string> Lines { get; init; }
            }
        }
        """,
        ("Templates/Button.sbn-html", ButtonTemplate),
        ("Templates/Static.sbn-html", StaticTemplate)).Load());

    [Theory]
    [InlineData("primary")]
    [InlineData("secondary")]
    public void DataDependentClass_RendersWhatPreMailerWritesOnScribansRender(string kind)
    {
        var html = Html(Button("Ann", kind));

        var model = new ScriptObject { ["name"] = "Ann", ["kind"] = kind };
        var expected = InliningOracle.PreMailerOnRendered(InliningOracle.Render(ButtonTemplate, model), CssInliningOptions.Default);
        InliningOracle.AssertSameDom(expected, html);
    }

    [Fact]
    public void DataDependentClass_GetsTheStyleOfTheClassTheDataChose()
    {
        var primary = ButtonStyle(Html(Button("Ann", "primary")));
        var secondary = ButtonStyle(Html(Button("Ann", "secondary")));

        Assert.Contains("color: red", primary, StringComparison.Ordinal);
        Assert.Contains("padding: 4px 8px", primary, StringComparison.Ordinal);
        Assert.DoesNotContain("color", secondary, StringComparison.Ordinal);
        Assert.Contains("padding: 4px 8px", secondary, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtmlToAWriter_WritesTheSameInlinedMessageAsRender()
    {
        var email = Button("Zoë <3", "primary");
        using var writer = new StringWriter();

        email.RenderHtml(writer);

        Assert.Equal(Html(email), writer.ToString());
        Assert.Contains("Hello Zoë &lt;3", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StaticTemplate_RuntimeModeGivesTheMessageBuildModeGives()
    {
        var runtime = Html(Static("Shop.StaticRuntimeEmail"));
        var build = Html(Static("Shop.StaticBuildEmail"));

        InliningOracle.AssertSameDom(build, runtime);
        Assert.Contains("font-weight: bold", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheRuntimeModeClass_CallsTheRunTimeInliner()
    {
        var result = GeneratorHarness.Run(
            """
            [Mailing.EmailTemplate("Templates/A.sbn-html", CssInlining = Mailing.CssInlining.Runtime)]
            public partial class RuntimeEmail { }

            [Mailing.EmailTemplate("Templates/A.sbn-html")]
            public partial class BuildEmail { }
            """,
            ("Templates/A.sbn-html", "<html><head><style>p { margin: 0; }</style></head><body><p>x</p></body></html>"));

        var trees = result.RunResult.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());
        Assert.Contains("RuntimeCssInliner.Inline", trees["RuntimeEmail.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("RuntimeCssInliner", trees["BuildEmail.g.cs"], StringComparison.Ordinal);
        Assert.Contains("style=\\\"margin: 0\\\"", trees["BuildEmail.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void LinkedStylesheetOnALiveServer_IsNotRequestedWhenAMessageIsRendered()
    {
        using var server = new HttpListener();
        var baseUrl = StartCountingServer(server, out var requests);
        var template = $$$"""<html><head><link rel="stylesheet" href="{{{baseUrl}}}x.css"><style>h1 { margin: 0; }</style></head><body><h1>{{ title }}</h1><p>x</p></body></html>""";
        var assembly = GeneratorHarness.Run(
            """
            [Mailing.EmailTemplate("Templates/Linked.sbn-html", CssInlining = Mailing.CssInlining.Runtime)]
            public partial class LinkedEmail { public required string Title { get; init; } }
            """,
            ("Templates/Linked.sbn-html", template)).Load();
        var email = (IEmailTemplate)Activator.CreateInstance(assembly.GetType("LinkedEmail", throwOnError: true)!)!;
        email.GetType().GetProperty("Title")!.SetValue(email, "Hi");

        var html = email.Render().Html;

        Assert.Equal(0, requests());
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{baseUrl}x.css\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1 style=\"margin: 0\">Hi</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#abcdef", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> CorpusNames()
    {
        var data = new TheoryData<string>();
        foreach (var template in CorpusTemplate.All())
        {
            data.Add(template.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void RunTimeInliner_OnACorpusRender_GivesPreMailersDomAndKeepsTheLinks(string name)
    {
        var template = CorpusTemplate.Get(name);
        var rendered = InliningOracle.Render(template.Text, template.Model());

        var inlined = RuntimeCssInliner.Inline(rendered);

        // The oracle takes every <link> out of PreMailer's way; the run-time inliner puts them back.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(inlined);
        var links = document.QuerySelectorAll("link[href]").ToList();
        Assert.Equal(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered).QuerySelectorAll("link[href]").Length, links.Count);
        links.ForEach(l => l.Remove());
        InliningOracle.AssertSameDom(InliningOracle.PreMailerOnRendered(rendered, CssInliningOptions.Default), document.DocumentElement.OuterHtml);
    }

    private static IEmailTemplate Button(string name, string kind)
    {
        var email = Activator.CreateInstance(Compiled.Value.GetType("Shop.ButtonEmail", throwOnError: true)!)!;
        email.GetType().GetProperty("Name")!.SetValue(email, name);
        email.GetType().GetProperty("Kind")!.SetValue(email, kind);
        return (IEmailTemplate)email;
    }

    private static IEmailTemplate Static(string typeName)
    {
        var email = Activator.CreateInstance(Compiled.Value.GetType(typeName, throwOnError: true)!)!;
        email.GetType().GetProperty("Name")!.SetValue(email, "Ann");
        email.GetType().GetProperty("Lines")!.SetValue(email, new List<string> { "Tea 3.00", "Cake 4.50" });
        return (IEmailTemplate)email;
    }

    private static string Html(IEmailTemplate email) => email.Render().Html;

    private static string ButtonStyle(string html)
        => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("a")!.GetAttribute("style") ?? string.Empty;

    private static string StartCountingServer(HttpListener server, out Func<int> requests)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var baseUrl = $"http://127.0.0.1:{port}/";
        server.Prefixes.Add(baseUrl);
        server.Start();
        var count = 0;
        requests = () => Volatile.Read(ref count);
        _ = Task.Run(async () =>
        {
            try
            {
                while (server.IsListening)
                {
                    var context = await server.GetContextAsync();
                    Interlocked.Increment(ref count);
                    await context.Response.OutputStream.WriteAsync("p { color: #abcdef; }"u8.ToArray());
                    context.Response.Close();
                }
            }
            catch (HttpListenerException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
        return baseUrl;
    }
}
