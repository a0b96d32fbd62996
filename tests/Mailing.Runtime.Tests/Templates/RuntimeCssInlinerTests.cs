using AngleSharp.Html.Parser;
using Mailing.Templates;

namespace Mailing.Runtime.Tests.Templates;

/// <summary>The per-message CSS pass behind <see cref="CssInlining.Runtime"/>.</summary>
public sealed class RuntimeCssInlinerTests : IDisposable
{
    private readonly LoopbackStylesheetServer _server = new();

    [Fact]
    public void ClassRule_IsWrittenIntoTheStyleAttributeAndTheStyleBlockStays()
    {
        var html = """<html><head><style>.btn-primary { color: red; }</style></head><body><a class="btn btn-primary" href="https://example.com">Go</a></body></html>""";

        var inlined = RuntimeCssInliner.Inline(html);

        var document = new HtmlParser().ParseDocument(inlined);
        Assert.Equal("color: red", document.QuerySelector("a")!.GetAttribute("style"));
        Assert.Equal("btn btn-primary", document.QuerySelector("a")!.GetAttribute("class"));
        Assert.Equal(".btn-primary { color: red; }", document.QuerySelector("style")!.TextContent);
    }

    [Fact]
    public void StyleAttributeWrittenByTheTemplate_WinsOverTheRule()
    {
        var html = """<html><head><style>p { color: red; margin: 0; }</style></head><body><p style="color: blue">x</p></body></html>""";

        var inlined = RuntimeCssInliner.Inline(html);

        var style = new HtmlParser().ParseDocument(inlined).QuerySelector("p")!.GetAttribute("style")!;
        Assert.Contains("color: blue", style, StringComparison.Ordinal);
        Assert.Contains("margin: 0", style, StringComparison.Ordinal);
        Assert.DoesNotContain("red", style, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaQueries_StayInTheStyleBlockAndAreNotInlined()
    {
        var html = """<html><head><style>p { margin: 0; } @media (max-width: 600px) { p { margin: 8px; } }</style></head><body><p>x</p></body></html>""";

        var inlined = RuntimeCssInliner.Inline(html);

        var document = new HtmlParser().ParseDocument(inlined);
        Assert.Equal("margin: 0", document.QuerySelector("p")!.GetAttribute("style"));
        Assert.Contains("@media (max-width: 600px)", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DoctypeAndEmptyTitle_AreWrittenAsHtml()
    {
        var html = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html><head><title></title><style>p { margin: 0; }</style></head><body><p>x</p></body></html>""";

        var inlined = RuntimeCssInliner.Inline(html);

        // PreMailer's own serializer would write <title />, which an HTML parser leaves open, swallowing the body.
        Assert.StartsWith("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"", inlined, StringComparison.Ordinal);
        Assert.Contains("<title></title>", inlined, StringComparison.Ordinal);
        Assert.Equal("margin: 0", new HtmlParser().ParseDocument(inlined).QuerySelector("p")!.GetAttribute("style"));
    }

    [Fact]
    public void LinkedStylesheetOnALiveServer_IsNeverRequestedAndStaysAsWritten()
    {
        var link = $"""<link rel="stylesheet" href="{_server.BaseUrl}mail.css">""";
        var html = "<html><head>" + link + "<style>h1 { margin: 0; }</style></head><body><h1>Hi</h1><p>x</p></body></html>";

        var inlined = RuntimeCssInliner.Inline(html);

        Assert.Equal(0, _server.Requests);
        Assert.Contains("<head>" + link + "<style>", inlined, StringComparison.Ordinal);
        Assert.DoesNotContain(LoopbackStylesheetServer.ServedColor, inlined, StringComparison.Ordinal);
        Assert.Equal("margin: 0", new HtmlParser().ParseDocument(inlined).QuerySelector("h1")!.GetAttribute("style"));
    }

    [Fact]
    public void LinkedStylesheet_WouldBeDownloadedByPreMailerLeftToItself()
    {
        // The control for the test above: the listener works and PreMailer on its own does fetch.
        var html = $"""<html><head><link rel="stylesheet" href="{_server.BaseUrl}mail.css"></head><body><p>x</p></body></html>""";

        var result = PreMailer.Net.PreMailer.MoveCssInline(html);

        Assert.True(_server.Requests > 0);
        Assert.Contains(LoopbackStylesheetServer.ServedColor, result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWriterOverload_WritesTheSameDocument()
    {
        var html = """<html><head><style>td { padding: 4px; }</style></head><body><table><tr><td>a</td></tr></table></body></html>""";
        using var writer = new StringWriter();

        RuntimeCssInliner.Inline(html, writer);

        Assert.Equal(RuntimeCssInliner.Inline(html), writer.ToString());
        Assert.Contains("<td style=\"padding: 4px\">a</td>", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NullArguments_AreRejectedByName()
    {
        Assert.Equal("html", Assert.Throws<ArgumentNullException>(() => RuntimeCssInliner.Inline(null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => RuntimeCssInliner.Inline("<p></p>", null!)).ParamName);
    }

    public void Dispose() => _server.Dispose();
}
