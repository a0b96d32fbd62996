using System.Net;
using System.Net.Sockets;
using Mailing.Generators.Css;

namespace Mailing.Generators.Tests.Css;

/// <summary>PreMailer downloads linked stylesheets; at build time nothing may be fetched.</summary>
public sealed class StylesheetFetchTests : IDisposable
{
    private readonly HttpListener _server = new();
    private readonly string _baseUrl;
    private int _requests;

    public StylesheetFetchTests()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _baseUrl = $"http://127.0.0.1:{port}/";
        _server.Prefixes.Add(_baseUrl);
        _server.Start();
        _ = ServeAsync();
    }

    [Fact]
    public void LinkedStylesheetOnALiveServer_IsReportedAndNeverRequested()
    {
        var template = $$$"""<html><head><link rel="stylesheet" href="{{{_baseUrl}}}mail.css"></head><body><p>{{ text }}</p></body></html>""";

        var result = CssInliner.Inline(template, CssInliningOptions.Default);

        var finding = Assert.Single(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.StylesheetNotInlined);
        Assert.Equal(template.IndexOf("<link", StringComparison.Ordinal), finding.Offset);
        Assert.Contains("<link rel=\"stylesheet\"", result.Template, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref _requests));
    }

    [Fact]
    public void ImportInsideStyle_IsReportedAndNeverRequested()
    {
        var template = $$$"""<html><head><style>@import url("{{{_baseUrl}}}fonts.css"); p { color: red; }</style></head><body><p>x</p></body></html>""";

        var result = CssInliner.Inline(template, CssInliningOptions.Default);

        Assert.True(result.Inlined);
        Assert.Contains(result.Findings, f => f.DiagnosticId == ContentDiagnosticIds.StylesheetNotInlined && f.Offset == template.IndexOf("@import", StringComparison.Ordinal));
        Assert.Contains("<p style=\"color: red\">", result.Template, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref _requests));
    }

    public void Dispose() => _server.Close();

    private async Task ServeAsync()
    {
        try
        {
            while (_server.IsListening)
            {
                var context = await _server.GetContextAsync();
                Interlocked.Increment(ref _requests);
                var body = "p { color: #abcdef; }"u8.ToArray();
                context.Response.ContentType = "text/css";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
