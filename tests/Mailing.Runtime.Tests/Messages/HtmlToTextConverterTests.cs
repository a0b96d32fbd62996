namespace Mailing.Runtime.Tests.Messages;

public sealed class HtmlToTextConverterTests
{
    [Fact]
    public void Link_IsWrittenAsTextThenUrl()
    {
        var text = HtmlToTextConverter.Convert("<p>Please <a href=\"https://shop.example/confirm?id=1&amp;t=2\">confirm your email</a>.</p>");

        Assert.Equal("Please confirm your email (https://shop.example/confirm?id=1&t=2).", text);
    }

    [Fact]
    public void LinkWhoseTextIsTheUrl_IsWrittenOnce()
    {
        Assert.Equal("Visit https://shop.example", HtmlToTextConverter.Convert("Visit <a href=\"https://shop.example\">https://shop.example</a>"));
    }

    [Fact]
    public void MailtoLinkShowingTheAddress_IsWrittenOnce()
    {
        Assert.Equal("Write to help@shop.example", HtmlToTextConverter.Convert("Write to <a href=\"mailto:help@shop.example\">help@shop.example</a>"));
    }

    [Fact]
    public void MailtoLinkWithOtherText_ShowsTheAddressWithoutTheScheme()
    {
        Assert.Equal("Email our support team (help@shop.example).", HtmlToTextConverter.Convert("Email <a href=\"mailto:help@shop.example?subject=Hi\">our support team</a>."));
    }

    [Fact]
    public void EmptyMailtoLink_KeepsOnlyItsText()
    {
        Assert.Equal("Questions? Email support@acme.example", HtmlToTextConverter.Convert("Questions? Email <a href=\"mailto:\">support@acme.example</a>"));
    }

    [Fact]
    public void PreheaderPaddingOfInvisibleCharacters_IsDropped()
    {
        var html = "<span>Your receipt" + string.Concat(Enumerable.Repeat("&zwnj;&nbsp;", 40)) + "</span><p>Paid</p>";

        Assert.Equal("Your receipt\n\nPaid", HtmlToTextConverter.Convert(html));
    }

    [Fact]
    public void JoinersBetweenVisibleCharacters_AreKept()
    {
        // An emoji family is three emoji joined by ZWJ; Persian uses ZWNJ inside words.
        Assert.Equal("👩\u200D👩\u200D👧 می\u200Cخواهم", HtmlToTextConverter.Convert("👩&zwj;👩&zwj;👧 می&zwnj;خواهم"));
    }

    [Fact]
    public void AnchorAndJavascriptLinks_KeepOnlyTheirText()
    {
        Assert.Equal("Top and click", HtmlToTextConverter.Convert("<a href=\"#top\">Top</a> and <a href=\"javascript:void(0)\">click</a>"));
    }

    [Fact]
    public void HeadStyleAndScript_LeaveNoTrace()
    {
        var html = "<html><head><title>Receipt</title><style>.btn { color: red; }</style></head>"
                   + "<body><script>alert('x')</script><p>Paid</p><style>p{margin:0}</style></body></html>";

        Assert.Equal("Paid", HtmlToTextConverter.Convert(html));
    }

    [Fact]
    public void Entities_AreDecoded()
    {
        Assert.Equal("Fish & chips — 5 € café <b>", HtmlToTextConverter.Convert("Fish &amp; chips &mdash; 5&nbsp;&euro; caf&eacute; &lt;b&gt;"));
    }

    [Fact]
    public void ParagraphsAndBreaks_BecomeBlankLinesAndNewLines()
    {
        var text = HtmlToTextConverter.Convert("<h1>Hello</h1><p>Line one<br>Line two</p><p>Next</p>");

        Assert.Equal("Hello\n\nLine one\nLine two\n\nNext", text);
    }

    [Fact]
    public void Lists_BecomeDashedAndNumberedItems()
    {
        var text = HtmlToTextConverter.Convert("<ul><li>Apples</li><li>Pears</li></ul><ol><li>First</li><li>Second</li></ol>");

        Assert.Equal("- Apples\n- Pears\n\n1. First\n2. Second", text);
    }

    [Fact]
    public void WhitespaceInSource_CollapsesLikeABrowserShowsIt()
    {
        Assert.Equal("Hello dear Ann", HtmlToTextConverter.Convert("<p>\n   Hello\n\t dear   Ann\n</p>"));
    }

    [Fact]
    public void Preformatted_KeepsItsLineBreaks()
    {
        Assert.Equal("a  b\nc", HtmlToTextConverter.Convert("<pre>a  b\nc</pre>"));
    }

    [Fact]
    public void ImageInsideLink_UsesTheAltTextAsLinkText()
    {
        Assert.Equal("Shop (https://shop.example)", HtmlToTextConverter.Convert("<a href=\"https://shop.example\"><img src=\"cid:logo\" alt=\"Shop\"></a>"));
    }

    [Fact]
    public void TableCells_AreSeparatedAndRowsAreLines()
    {
        var text = HtmlToTextConverter.Convert("<table><tr><td>Item</td><td>Price</td></tr><tr><td>Book</td><td>12 €</td></tr></table>");

        Assert.Equal("Item | Price\nBook | 12 €", text);
    }

    [Fact]
    public void BlocksInsideDataCells_CollapseToOneLinePerRow()
    {
        var html = "<table><tr><th><p>Description</p></th><th><p>Amount</p></th></tr>"
                   + "<tr><td><p><span>Pro plan</span></p></td><td><div>$49.00</div></td></tr>"
                   + "<tr><td><p>Extra<br>seat</p></td><td><p>$12.50</p></td></tr></table>";

        Assert.Equal("Description | Amount\nPro plan | $49.00\nExtra seat | $12.50", HtmlToTextConverter.Convert(html));
    }

    [Fact]
    public void HeaderCellsAlone_MakeADataTable()
    {
        var html = "<table><tr><th>Order</th></tr><tr><td><p>1001</p></td></tr></table><p>Thanks</p>";

        Assert.Equal("Order\n1001\n\nThanks", HtmlToTextConverter.Convert(html));
    }

    [Fact]
    public void EmptyCells_LeaveNoDanglingSeparator()
    {
        Assert.Equal("Total | $61.50", HtmlToTextConverter.Convert("<table><tr><td></td><td>Total</td><td>$61.50</td></tr></table>"));
    }

    [Fact]
    public void PresentationTable_FlowsAsBlocksEvenWithSeveralCells()
    {
        var html = "<table role=\"presentation\"><tr><td><h3>R-1001</h3></td><td><h3>5 March 2024</h3></td></tr></table><p>Paid</p>";

        Assert.Equal("R-1001\n\n5 March 2024\n\nPaid", HtmlToTextConverter.Convert(html));
    }

    [Fact]
    public void NestedLayoutTables_FlattenWithoutBlankLineDebris()
    {
        var html = "<table role=\"presentation\"><tr><td><table role=\"none\"><tr><td><table><tr><td>"
                   + "<p>Hello Ann</p></td></tr></table></td></tr><tr><td>Your order shipped.</td></tr></table></td></tr></table>";

        Assert.Equal("Hello Ann\n\nYour order shipped.", HtmlToTextConverter.Convert(html));
    }

    [Fact]
    public void RowHoldingANestedTable_KeepsTheInnerRowsOnTheirOwnLines()
    {
        var html = "<table><tr><th>Shipment</th><th>Items</th></tr><tr><td colspan=\"2\">"
                   + "<table><tr><td>Tea</td><td>$3</td></tr><tr><td>Cake</td><td>$4</td></tr></table></td></tr></table>";

        Assert.Equal("Shipment | Items\n\nTea | $3\nCake | $4", HtmlToTextConverter.Convert(html));
    }

    [Fact]
    public void ShippingNotification_ReadsLikeTheTableItCameFrom()
    {
        var text = HtmlToTextConverter.Convert(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Messages", "Fixtures", "shipping-notification.html")));

        Assert.Equal(
            "Your order has shipped\n\nHi Ann, your parcel left our warehouse today.\n\n"
            + "Carrier | Tracking | Estimated delivery\n"
            + "DHL | JD014600003 (https://track.example/JD014600003) | Fri 6 Dec by 18:00\n\n"
            + "Questions? Visit our help centre (https://shop.example/help).",
            text);
    }

    [Fact]
    public void MalformedHtml_DoesNotThrowAndKeepsTheText()
    {
        Assert.Equal("unclosed bold and more", HtmlToTextConverter.Convert("<p>unclosed <b>bold and <i>more"));
    }

    [Fact]
    public void RealWorldTemplate_GivesReadableTextWithoutCssOrTags()
    {
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Messages", "Fixtures", "leemunroe-email.html"));

        var text = HtmlToTextConverter.Convert(html);

        Assert.StartsWith("This is preheader text.", text, StringComparison.Ordinal);
        Assert.Contains("Hi there\n\nSometimes you just want to send a simple HTML email", text, StringComparison.Ordinal);
        Assert.Contains("Call To Action (http://htmlemail.io)", text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe (http://htmlemail.io/blog)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Simple Transactional Email", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PostmarkWelcomeTemplate_ReadsLikePostmarksOwnTextVersion()
    {
        var text = HtmlToTextConverter.Convert(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Messages", "Fixtures", "postmark-welcome.html")));

        // Postmark ships a hand-written text version of this template; these lines match it up to link spacing.
        Assert.Contains("[Product Name] (https://example.com)", text, StringComparison.Ordinal);
        Assert.Contains("Do this Next ({{action_url}})", text, StringComparison.Ordinal);
        Assert.Contains("Login Page: {{login_url}}\nUsername: {{username}}", text, StringComparison.Ordinal);
        Assert.Contains("customer success team ({{support_email}})", text, StringComparison.Ordinal);
        Assert.Contains("Thanks,\n[Sender Name] and the [Product Name] team", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color-scheme", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MailgunBillingTemplate_DropsPreheaderPaddingAndEmptyMailto()
    {
        var text = HtmlToTextConverter.Convert(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Messages", "Fixtures", "mailgun-billing.html")));

        Assert.StartsWith("$33.98 Paid", text, StringComparison.Ordinal);
        Assert.EndsWith("Questions? Email support@acme.inc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200C", text, StringComparison.Ordinal);
    }
}
