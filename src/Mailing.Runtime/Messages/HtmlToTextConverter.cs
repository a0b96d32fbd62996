using System.Text;
using Mailing.Text;
using MimeKit.Text;

namespace Mailing;

/// <summary>
/// Derives a readable plain-text body from HTML: paragraphs and line breaks kept, links written as
/// "text (url)", list items as "- item", images as their alt text; a data table's rows one line each,
/// cells joined by " | " and block content in a cell collapsed to inline text; a layout table's cells
/// as flowing blocks (<see cref="TableLayout"/> tells them apart, as it does at build time); tags,
/// CSS, scripts and the document head dropped; character references decoded.
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
        var tables = new Stack<TableState>();

        // Whether a table holds data depends on what follows its start tag, so the tokens are read first.
        var tokens = new List<HtmlToken>();
        while (tokenizer.ReadNextToken(out var next))
        {
            tokens.Add(next);
        }

        var tableKinds = TableLayout.Classify(tokens.ConvertAll(TableMark));
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token)
            {
                case HtmlDataToken data when skipDepth == 0 && token.Kind is HtmlTokenKind.Data or HtmlTokenKind.CData:
                    writer.WriteText(data.Data, preserveWhitespace: preDepth > 0);
                    if (links.Count > 0)
                    {
                        links.Peek().Text.Append(data.Data);
                    }

                    break;

                case HtmlTagToken tag when skipDepth > 0 || !HandleTableTag(tag, tableKinds[i], writer, tables):
                    HandleTag(tag, writer, links, lists, ref skipDepth, ref preDepth, inDataRow: tables.Count > 0 && tables.Peek().RowIsData);
                    break;
            }
        }

        return writer.ToString();
    }

    private static TableLayout.Mark TableMark(HtmlToken token)
    {
        if (token is not HtmlTagToken tag)
        {
            return TableLayout.Mark.None;
        }

        return tag.Id switch
        {
            HtmlTagId.Table when tag.IsEndTag => TableLayout.Mark.TableEnd,
            HtmlTagId.Table => Attribute(tag, "role")?.Trim() is { } role
                && (role.Equals("presentation", StringComparison.OrdinalIgnoreCase) || role.Equals("none", StringComparison.OrdinalIgnoreCase))
                ? TableLayout.Mark.LayoutTableStart
                : TableLayout.Mark.TableStart,
            HtmlTagId.TR => tag.IsEndTag ? TableLayout.Mark.RowEnd : TableLayout.Mark.RowStart,
            HtmlTagId.TD when !tag.IsEndTag => TableLayout.Mark.Cell,
            HtmlTagId.TH when !tag.IsEndTag => TableLayout.Mark.HeaderCell,
            _ => TableLayout.Mark.None,
        };
    }

    /// <summary>Writes what a table, row or cell tag means; false for any other tag.</summary>
    private static bool HandleTableTag(HtmlTagToken tag, bool isData, PlainTextWriter writer, Stack<TableState> tables)
    {
        switch (tag.Id)
        {
            case HtmlTagId.Table when !tag.IsEndTag:
                tables.Push(new TableState());

                // A data table stands apart from what precedes it, even inside a layout cell.
                if (isData)
                {
                    writer.Paragraph();
                }
                else
                {
                    writer.LineBreak();
                }

                return true;
            case HtmlTagId.Table when tables.Count > 0:
                tables.Pop();
                writer.Paragraph();
                return true;
            case HtmlTagId.TR when tables.Count > 0:
                tables.Peek().StartRow(!tag.IsEndTag && isData);
                writer.LineBreak();
                return true;
            case HtmlTagId.TD or HtmlTagId.TH when tables.Count > 0:
                var table = tables.Peek();
                if (!table.RowIsData)
                {
                    writer.LineBreak();
                }
                else if (!tag.IsEndTag && table.Cells++ > 0)
                {
                    writer.CellSeparator();
                }

                return true;
            default:
                return false;
        }
    }

    private static void HandleTag(HtmlTagToken tag, PlainTextWriter writer, Stack<LinkState> links, Stack<ListState> lists, ref int skipDepth, ref int preDepth, bool inDataRow)
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

        if (inDataRow && IsBlock(tag.Id))
        {
            // Block content of a data cell collapses to inline text: the row stays one line.
            writer.Space();
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

    private static bool IsBlock(HtmlTagId id) =>
        id is HtmlTagId.Br or HtmlTagId.HR or HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4
            or HtmlTagId.H5 or HtmlTagId.H6 or HtmlTagId.BlockQuote or HtmlTagId.Address or HtmlTagId.Pre or HtmlTagId.UL
            or HtmlTagId.OL or HtmlTagId.LI or HtmlTagId.Div or HtmlTagId.Section or HtmlTagId.Article or HtmlTagId.Header
            or HtmlTagId.Footer or HtmlTagId.Center or HtmlTagId.DL or HtmlTagId.DT or HtmlTagId.DD or HtmlTagId.Form
            or HtmlTagId.Nav or HtmlTagId.Aside or HtmlTagId.Main or HtmlTagId.Figure or HtmlTagId.FigCaption
            or HtmlTagId.TBody or HtmlTagId.THead or HtmlTagId.Tfoot or HtmlTagId.Caption;

    private static bool IsSkipped(HtmlTagId id) =>
        id is HtmlTagId.Head or HtmlTagId.Style or HtmlTagId.Script or HtmlTagId.Title or HtmlTagId.NoScript
            or HtmlTagId.Object or HtmlTagId.Embed or HtmlTagId.Applet or HtmlTagId.FrameSet;

    private static string? Attribute(HtmlTagToken tag, string name)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute.Value;
            }
        }

        return null;
    }

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

    private sealed class TableState
    {
        /// <summary>The current row is a data row: one line, its cells joined.</summary>
        public bool RowIsData { get; private set; }

        public int Cells { get; set; }

        public void StartRow(bool isData)
        {
            RowIsData = isData;
            Cells = 0;
        }
    }

    private sealed class ListState(bool ordered)
    {
        public bool Ordered { get; } = ordered;

        public int Counter { get; set; }
    }
}
