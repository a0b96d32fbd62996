using Microsoft.AspNetCore.Http;

namespace Mailing.DevInbox.Web;

/// <summary>The web inbox's page, script and styles, embedded in the assembly: nothing to build or install.</summary>
internal static class UiAssets
{
    // The page runs only its own script and frames only the API's sandboxed HTML.
    private const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Serve(string name, HttpContext context)
    {
        var stream = typeof(UiAssets).Assembly.GetManifestResourceStream("Ui/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.ContentSecurityPolicy = PagePolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-DNS-Prefetch-Control"] = "off";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var type = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "text/html; charset=utf-8",
        };
        return Results.Stream(stream, type);
    }
}
