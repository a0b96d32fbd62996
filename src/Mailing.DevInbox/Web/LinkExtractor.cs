using AngleSharp.Html.Parser;

namespace Mailing.DevInbox.Web;

/// <summary>The links a recipient could click in an HTML body.</summary>
internal static class LinkExtractor
{
    public static IReadOnlyList<MessageLink> Extract(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return [];
        }

        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("a[href], area[href]")
            .Select(element => new MessageLink(element.GetAttribute("href")!.Trim(), element.TextContent.Trim()))
            .ToArray();
    }
}
