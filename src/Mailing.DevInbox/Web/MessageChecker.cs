using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using Mailing.Generators.Css;

namespace Mailing.DevInbox.Web;

/// <summary>
/// The checks panel: what a recipient's mail client will make of a message. Rules the generator
/// also checks at build time carry its MAIL01xx id and limits (shared source files), so a message
/// from a template and the template's diagnostics agree.
/// </summary>
internal static class MessageChecker
{
    public static IReadOnlyList<MessageCheck> Check(MessageView view)
    {
        var findings = new List<MessageCheck>();
        var message = view.Stored.Message;
        var html = view.HtmlPart?.Text;

        if (view.TextPart is null)
        {
            findings.Add(new MessageCheck("DEV001", "warning", "No plain-text part",
                "Spam filters score HTML-only mail worse, and text-only clients and screen readers show nothing useful; add a text/plain alternative."));
        }

        var precedence = message.Headers["Precedence"]?.Trim() ?? "";
        var bulk = message.Headers.Contains("List-Id")
            || precedence.Equals("bulk", StringComparison.OrdinalIgnoreCase) || precedence.Equals("list", StringComparison.OrdinalIgnoreCase);
        if (bulk && !message.Headers.Contains("List-Unsubscribe"))
        {
            findings.Add(new MessageCheck("DEV002", "warning", "Bulk mail without List-Unsubscribe",
                "Gmail and Yahoo require List-Unsubscribe (and List-Unsubscribe-Post for one-click) on bulk mail since February 2024."));
        }

        if (html is null)
        {
            return findings;
        }

        var size = Encoding.UTF8.GetByteCount(html);
        if (size > ContentLimits.GmailClipBytes)
        {
            findings.Add(new MessageCheck(ContentDiagnosticIds.GmailClipping, "warning", "Gmail will clip this message",
                string.Format(CultureInfo.InvariantCulture, "The HTML is {0:0.0} KB; Gmail clips past {1} KB and hides the rest behind \"View entire message\".", size / 1024.0, ContentLimits.GmailClipBytes / 1024)));
        }

        var document = new HtmlParser().ParseDocument(html);
        var styles = document.QuerySelectorAll("style").Count(style => !string.IsNullOrWhiteSpace(style.TextContent));
        if (styles > 0)
        {
            findings.Add(new MessageCheck(ContentDiagnosticIds.StylesheetNotInlined, "warning", "<style> left un-inlined",
                $"{styles} <style> block(s) remain; several clients drop them. Mailing's templates inline CSS at build time."));
        }

        foreach (var image in document.Images.Where(image => !image.HasAttribute("alt")))
        {
            findings.Add(new MessageCheck(ContentDiagnosticIds.ImageWithoutAlt, "warning", "Image without alt",
                $"<img src=\"{Shorten(image.GetAttribute("src"))}\"> has no alt attribute: clients that block images show nothing in its place; use alt=\"\" for a decorative image."));
        }

        foreach (var element in document.QuerySelectorAll("[href], [src]"))
        {
            var url = (element.GetAttribute("href") ?? element.GetAttribute("src") ?? "").Trim();
            if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new MessageCheck(ContentDiagnosticIds.InsecureLink, "warning", "http:// link",
                    $"'{Shorten(url)}' uses http://: clients warn about or block it, and it can be read or changed in transit; use https://."));
            }
        }

        var contentIds = view.ContentIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("[src^='cid:'], [background^='cid:']"))
        {
            var reference = (element.GetAttribute("src") ?? element.GetAttribute("background") ?? "")["cid:".Length..];
            if (!contentIds.Contains(Uri.UnescapeDataString(reference)))
            {
                findings.Add(new MessageCheck("DEV003", "warning", "Broken cid: reference",
                    $"cid:{reference} names no part of this message: the image shows as broken. Attach it with that Content-ID."));
            }
        }

        return findings;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..77] + "...";
}
