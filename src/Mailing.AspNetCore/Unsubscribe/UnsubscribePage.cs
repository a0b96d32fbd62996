using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Mailing;

/// <summary>
/// The small HTML pages the endpoint answers with: the confirmation a person sees after clicking the link, the result,
/// and why a link did not work. Everything shown is HTML-encoded; the page loads nothing and runs no script.
/// </summary>
internal static class UnsubscribePage
{
    // No scripts, no external loads, forms only to this endpoint; the link carries the recipient's token, so it must
    // never leak through a Referer header, a cache or a search index.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task ConfirmAsync(HttpContext context, UnsubscribeToken token) =>
        WriteAsync(context, StatusCodes.Status200OK, "Unsubscribe?", $"""
            <p>Stop sending <strong>{Encode(token.List)}</strong> to <strong>{Encode(token.Recipient)}</strong>?</p>
            <form method="post"><input type="hidden" name="{UnsubscribeEndpoint.ConfirmField}" value="{UnsubscribeEndpoint.ConfirmValue}"><button type="submit">Unsubscribe</button></form>
            """);

    public static Task DoneAsync(HttpContext context, UnsubscribeToken token) =>
        WriteAsync(context, StatusCodes.Status200OK, "You are unsubscribed", $"""
            <p><strong>{Encode(token.Recipient)}</strong> will no longer receive <strong>{Encode(token.List)}</strong>.</p>
            """);

    public static Task InvalidAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "This unsubscribe link does not work", """
            <p>The link is incomplete or was changed. Open the unsubscribe link from the email again, copying all of it.</p>
            """);

    public static Task ExpiredAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status410Gone, "This unsubscribe link has expired", """
            <p>Use the unsubscribe link in a more recent email from us.</p>
            """);

    public static Task NotAnUnsubscribeAsync(HttpContext context, int status) =>
        WriteAsync(context, status, "Nothing was changed", $"""
            <p>An unsubscribe is a POST of <code>{Encode(UnsubscribeEndpoint.OneClickField)}={Encode(UnsubscribeEndpoint.OneClickValue)}</code> (RFC 8058) to this link, or the button on the page it shows.</p>
            """);

    /// <summary>Headers every answer carries, whatever it says.</summary>
    public static void SetSafetyHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    private static async Task WriteAsync(HttpContext context, int status, string title, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(Encode(title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}button{font:inherit;padding:.5rem 1.25rem;cursor:pointer}</style>")
            .Append("</head><body><main><h1>").Append(Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
