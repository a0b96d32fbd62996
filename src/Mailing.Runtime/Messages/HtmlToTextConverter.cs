using System.Text;
using MimeKit.Text;

namespace Mailing;

/// <summary>
/// Derives a readable plain-text body from HTML: paragraphs and line breaks kept, links written as
/// "text (url)", list items as "- item", images as their alt text; tags, CSS, scripts and the
/// document head dropped; character references decoded.
/// </summary>
/// <remarks>Tokenizes with MimeKit's HTML5 tokenizer, so malformed HTML degrades gracefully instead of throwing.</remarks>
internal static class HtmlToTextConverter
{
    private const string MailtoScheme = "mailto:";

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var writer = new PlainTextWriter();
        var skipDepth = 0;
        var preDepth = 0;
        var links = new Stack<LinkState>();
        var lists = new Stack<ListState>();

        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data when skipDepth == 0 && token.Kind is HtmlTokenKind.Data or HtmlTokenKind.CData:
                    writer.WriteText(data.Data, preserveWhitespace: preDepth > 0);
                    if (links.Count > 0)
                    {
                        links.Peek().Text.Append(data.Data);
                    }

                    break;

                case HtmlTagToken tag:
                    HandleTag(tag, writer, links, lists, ref skipDepth, ref preDepth);
                    break;
            }
        }

        return writer.ToString();
    }

    private static void HandleTag(HtmlTagToken tag, PlainTextWriter writer, Stack<LinkState> links, Stack<ListState> lists, ref int skipDepth, ref int preDepth)
    {
        if (IsSkipped(tag.Id))
        {
            if (!tag.IsEmptyElement)
            {
                skipDepth = Math.Max(0, skipDepth + (tag.IsEndTag ? -1 : 1));
            }

            return;
        }

        if (skipDepth > 0)
        {
            return;
        }

        switch (tag.Id)
        {
            case HtmlTagId.Br:
                writer.LineBreak();
                break;
            case HtmlTagId.HR:
                writer.Paragraph();
                writer.WriteText("----------", preserveWhitespace: true);
                writer.Paragraph();
                break;
            case HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
                or HtmlTagId.BlockQuote or HtmlTagId.Table or HtmlTagId.Address:
                writer.Paragraph();
                break;
            case HtmlTagId.Pre:
                writer.Paragraph();
                preDepth = Math.Max(0, preDepth + (tag.IsEndTag ? -1 : 1));
                break;
            case HtmlTagId.UL or HtmlTagId.OL:
                if (tag.IsEndTag)
                {
                    if (lists.Count > 0)
                    {
                        lists.Pop();
                    }
                }
                else
                {
                    lists.Push(new ListState(tag.Id == HtmlTagId.OL));
                }

                writer.Paragraph();
                break;
            case HtmlTagId.LI when !tag.IsEndTag:
                writer.LineBreak();
                var list = lists.Count > 0 ? lists.Peek() : null;
                writer.WriteText(new string(' ', Math.Max(0, lists.Count - 1) * 2) + (list is { Ordered: true } ? $"{++list.Counter}. " : "- "), preserveWhitespace: true);
                break;
            case HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.LI or HtmlTagId.Section or HtmlTagId.Article or HtmlTagId.Header
                or HtmlTagId.Footer or HtmlTagId.Center or HtmlTagId.DL or HtmlTagId.DT or HtmlTagId.DD or HtmlTagId.Form
                or HtmlTagId.Nav or HtmlTagId.Aside or HtmlTagId.Main or HtmlTagId.Figure or HtmlTagId.FigCaption
                or HtmlTagId.TBody or HtmlTagId.THead or HtmlTagId.Tfoot or HtmlTagId.Caption:
                writer.LineBreak();
                break;
            case HtmlTagId.TD or HtmlTagId.TH when !tag.IsEndTag:
                writer.Space();
                break;
            case HtmlTagId.Image or HtmlTagId.Unknown when !tag.IsEndTag && tag.Name.Equals("img", StringComparison.OrdinalIgnoreCase):
                var alt = Attribute(tag, HtmlAttributeId.Alt);
                if (!string.IsNullOrWhiteSpace(alt))
                {
                    writer.WriteText(alt, preserveWhitespace: false);
                    if (links.Count > 0)
                    {
                        links.Peek().Text.Append(alt);
                    }
                }

                break;
            case HtmlTagId.A when !tag.IsEndTag && !tag.IsEmptyElement:
                links.Push(new LinkState(Attribute(tag, HtmlAttributeId.Href)));
                break;
            case HtmlTagId.A when tag.IsEndTag && links.Count > 0:
                var link = links.Pop();
                var url = DisplayableUrl(link.Href);
                var text = link.Text.ToString().Trim();
                if (url is not null && !string.Equals(text, url, StringComparison.OrdinalIgnoreCase))
                {
                    writer.WriteText(text.Length == 0 ? url : $" ({url})", preserveWhitespace: false);
                }

                break;
        }
    }

    private static bool IsSkipped(HtmlTagId id) =>
        id is HtmlTagId.Head or HtmlTagId.Style or HtmlTagId.Script or HtmlTagId.Title or HtmlTagId.NoScript
            or HtmlTagId.Object or HtmlTagId.Embed or HtmlTagId.Applet or HtmlTagId.FrameSet;

    private static string? Attribute(HtmlTagToken tag, HtmlAttributeId id)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Id == id)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private static string? DisplayableUrl(string? href)
    {
        var url = href?.Trim();
        if (string.IsNullOrEmpty(url) || url.StartsWith('#') ||
            url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ||
            url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // A reader wants the address, not the scheme; "mailto:" alone (a placeholder left empty) shows nothing.
        if (url.StartsWith(MailtoScheme, StringComparison.OrdinalIgnoreCase))
        {
            var address = url[MailtoScheme.Length..];
            var query = address.IndexOf('?', StringComparison.Ordinal);
            address = query < 0 ? address : address[..query];
            return address.Length == 0 ? null : Uri.UnescapeDataString(address);
        }

        return url;
    }

    private sealed class LinkState(string? href)
    {
        public string? Href { get; } = href;

        public StringBuilder Text { get; } = new();
    }

    private sealed class ListState(bool ordered)
    {
        public bool Ordered { get; } = ordered;

        public int Counter { get; set; }
    }
}
