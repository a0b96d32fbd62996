using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace Mailing.DevInbox.Web;

/// <summary>
/// Takes out of an email's HTML what no mail client runs or loads: scripts, frames, plug-ins,
/// external stylesheets, refreshes, event handlers and <c>javascript:</c> links, and, unless the user
/// asked for them, every remote image and stylesheet URL.
/// </summary>
/// <remarks>
/// The Content-Security-Policy and the iframe's sandbox already block all of these. They are removed
/// as well because blocking happens too late for some of them: Chromium opens a connection to the
/// host of an <c>&lt;iframe src&gt;</c> before its <c>frame-src</c> check refuses the frame, and a
/// tracker learns from that connection alone that the message was opened.
/// </remarks>
internal static partial class HtmlDefuser
{
    private static readonly string[] Removed =
        ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe", "link", "base", "meta[http-equiv]", "animate", "set"];

    private static readonly string[] ExecutableSchemes = ["javascript:", "vbscript:", "data:"];

    private static readonly string[] ResourceAttributes = ["src", "srcset", "background", "poster", "data", "lowsrc", "dynsrc"];

    public static string Defuse(string html, bool remoteImages)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(string.Join(", ", Removed)).ToArray())
        {
            element.Remove();
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes.ToArray())
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.Name is "formaction" or "ping"
                    || (attribute.Name is "href" or "xlink:href" or "action" && IsExecutableUrl(attribute.Value))
                    || (!remoteImages && LoadsResource(element, attribute.Name) && IsRemote(attribute.Value)))
                {
                    element.RemoveAttribute(attribute.Name);
                }
            }

            if (!remoteImages && element.GetAttribute("style") is { } style)
            {
                element.SetAttribute("style", BlockRemoteCss(style));
            }
        }

        if (!remoteImages)
        {
            foreach (var stylesheet in document.QuerySelectorAll("style"))
            {
                stylesheet.TextContent = BlockRemoteCss(stylesheet.TextContent);
            }
        }

        // A link replaces the sandboxed frame it is clicked in; opened in a new tab, it leaves the inbox in place.
        foreach (var link in document.QuerySelectorAll("a[href], area[href]"))
        {
            link.SetAttribute("target", "_blank");
            link.SetAttribute("rel", "noopener noreferrer");
        }

        using var writer = new StringWriter();
        document.ToHtml(writer, HtmlMarkupFormatter.Instance);
        return writer.ToString();
    }

    // A URL parser drops tabs and newlines anywhere and control characters around it: "java\tscript:" runs.
    private static bool IsExecutableUrl(string value)
    {
        var compact = string.Concat(value.Where(character => character > ' '));
        return ExecutableSchemes.Any(scheme => compact.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
    }

    // An SVG <image href> or <use href> loads what it names; an <a href> waits for a click.
    private static bool LoadsResource(IElement element, string attribute) =>
        ResourceAttributes.Contains(attribute)
        || (attribute is "href" or "xlink:href" && element.LocalName is not ("a" or "area"));

    private static bool IsRemote(string value) => RemoteUrl().IsMatch(value);

    private static string BlockRemoteCss(string css) =>
        CssImport().Replace(RemoteCssUrl().Replace(css, "url()"), "");

    // A network scheme or a protocol-relative start, anywhere in the value (srcset lists several URLs);
    // browsers read "\\host" as "//host".
    [GeneratedRegex(@"(^|[\s,])(https?:|ftp:|[\\/]{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemoteUrl();

    // url(...) and the quoted URLs image-set() takes.
    [GeneratedRegex("""url\(\s*['"]?\s*(https?:|//)[^)]*\)|(["'])\s*(https?:|//)[^"']*\2""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemoteCssUrl();

    [GeneratedRegex("""@import[^;]*;?""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CssImport();
}
