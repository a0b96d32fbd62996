using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Mailing.DevInbox.Web;

/// <summary>
/// Prepares an email's HTML for the viewer's iframe: <c>cid:</c> references point at the API, and a
/// Content-Security-Policy lets nothing run, submit, or load from elsewhere.
/// </summary>
/// <remarks>
/// The iframe is also sandboxed without <c>allow-scripts</c>; the policy is the second wall, and it
/// holds when the HTML URL is opened directly. Remote images (tracking pixels included) load only
/// when the user asks for them.
/// </remarks>
internal static partial class HtmlSandbox
{
    public static string RewriteContentIds(string html, string cidBase) =>
        CidReference().Replace(html, match => match.Groups["quote"].Value + cidBase + Uri.EscapeDataString(Uri.UnescapeDataString(match.Groups["id"].Value)));

    /// <summary>
    /// For a preview, which has no parts: each <c>cid:</c> reference becomes a grey placeholder naming the
    /// content id, so the layout keeps its shape and the page shows what the sent email will embed.
    /// </summary>
    public static string ShowContentIdsAsPlaceholders(string html) =>
        CidReference().Replace(html, match => match.Groups["quote"].Value + Placeholder(Uri.UnescapeDataString(match.Groups["id"].Value)));

    private static string Placeholder(string contentId)
    {
        var label = System.Net.WebUtility.HtmlEncode("cid:" + contentId);
        var svg = $"<svg xmlns='http://www.w3.org/2000/svg' width='120' height='32'><rect width='100%' height='100%' fill='#dde1e6'/><text x='50%' y='55%' font-family='sans-serif' font-size='11' text-anchor='middle' fill='#51545e'>{label}</text></svg>";
        return "data:image/svg+xml," + Uri.EscapeDataString(svg);
    }

    /// <param name="cidOrigin">The absolute URL prefix inline images are served from (a CSP source with a path).</param>
    /// <param name="remoteImages">Whether the user asked to load remote images.</param>
    public static string ContentSecurityPolicy(string cidOrigin, bool remoteImages) =>
        "default-src 'none'; "
        + $"img-src data: {cidOrigin}{(remoteImages ? " https: http:" : "")}; "
        + "style-src 'unsafe-inline'; font-src data:; "
        + "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; "
        + "sandbox allow-popups allow-popups-to-escape-sandbox";

    /// <summary>The headers every email HTML response carries, a caught message's or a preview's.</summary>
    /// <param name="response">The response about to carry the HTML.</param>
    /// <param name="cidOrigin">The absolute URL prefix inline images are served from.</param>
    /// <param name="remoteImages">Whether the user asked to load remote images.</param>
    public static void Secure(HttpResponse response, string cidOrigin, bool remoteImages)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(cidOrigin, remoteImages);
        response.Headers["Referrer-Policy"] = "no-referrer";
        // Chromium resolves the host names of links it sees before anyone clicks; the lookup alone tells a tracker.
        response.Headers["X-DNS-Prefetch-Control"] = "off";
    }

    [GeneratedRegex("""(?<quote>["'(]\s*)cid:(?<id>[^"')\s>]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CidReference();
}
