using Mailing.Generators.Css;
using Mailing.Generators.Tests.Corpus;
using Mailing.Generators.Tests.Css;
using Mailing.Generators.Text;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Text;

public sealed class PlainTextTemplateDeriverTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "postmark/receipt", "postmark/welcome", "postmark/comment-notification", "postmark/invoice", "mailgun/billing", "leemunroe/email" })
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void DerivedTextOfSample_MatchesItsSnapshot(string name)
    {
        var template = CorpusTemplate.Get(name);
        var inlined = CssInliner.Inline(template.Text, CssInliningOptions.Default with { Stylesheets = InliningOracle.ByHref(CorpusTemplate.Stylesheets) });

        var text = PlainTextTemplateDeriver.Derive(inlined.Template);

        Assert.NotNull(text);
        TextSnapshot.Verify(text, name);
    }

    [Fact]
    public void DerivedReceiptTemplate_RendersOneLinePerLineItemWithTheData()
    {
        var receipt = CorpusTemplate.Get("postmark/receipt");
        var text = PlainTextTemplateDeriver.Derive(receipt.Text)!;

        var rendered = InliningOracle.Render(text, receipt.Model());

        Assert.Contains("Description 7 1 | $42.00 1\nDescription 7 2 | $42.00 2\nDescription 7 3 | $42.00 3\n", rendered, StringComparison.Ordinal);
        Assert.Contains("Hi Ann Lee,", rendered, StringComparison.Ordinal);
        Assert.Contains("(https://example.com/billing?ref=mail&id=42)", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("<", rendered.Replace("<3", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void LinksHeadingsListsAndTables_BecomeTextLines()
    {
        var html = """
            <html><head><title>Ignored</title><style>p { color: red; }</style></head><body>
            <span class="preheader" style="display: none">Preview junk&zwnj;&nbsp;</span>
            <h1>Hello {{ name }}</h1>
            <p>Read the <a href="{{ url }}">guide</a> &amp; enjoy.<br>Second line.</p>
            <ul>{{ for item in items }}<li>{{ item }}</li>{{ end }}</ul>
            <table><tr><th>Item</th><th>Price</th></tr>{{ for row in rows }}<tr><td>{{ row.name }}</td><td>{{ row.price }}</td></tr>{{ end }}</table>
            <p><a href="https://example.com">https://example.com</a></p>
            </body></html>
            """;

        var text = PlainTextTemplateDeriver.Derive(html)!;
        var model = new ScriptObject
        {
            ["name"] = "Ann",
            ["url"] = "https://example.com/guide",
            ["items"] = new ScriptArray { "one", "two" },
            ["rows"] = new ScriptArray { new ScriptObject { ["name"] = "Tea", ["price"] = "$3" }, new ScriptObject { ["name"] = "Cake", ["price"] = "$4" } },
        };

        Assert.Equal(
            "Hello Ann\n\nRead the guide (https://example.com/guide) & enjoy.\nSecond line.\n\n- one\n- two\n\nItem | Price\nTea | $3\nCake | $4\n\nhttps://example.com\n",
            InliningOracle.Render(text, model));
    }

    [Fact]
    public void LoopOfRowsWithBlocksInCells_GivesOneLinePerRow()
    {
        var html = """
            <table class="purchase_content">
              <tr>
                <th><p class="f-fallback">Description</p></th>
                <th><p class="f-fallback">Amount</p></th>
              </tr>
              {{ for item in items }}
              <tr>
                <td><p><span>{{ item.name }}</span></p></td>
                <td><div><span>{{ item.price }}</span></div></td>
              </tr>
              {{ end }}
              <tr>
                <td><p>Total</p></td>
                <td><p>{{ total }}</p></td>
              </tr>
            </table>
            <p>Thanks</p>
            """;
        var model = new ScriptObject
        {
            ["items"] = new ScriptArray { new ScriptObject { ["name"] = "Tea", ["price"] = "$3" }, new ScriptObject { ["name"] = "Cake", ["price"] = "$4" } },
            ["total"] = "$7",
        };

        var text = PlainTextTemplateDeriver.Derive(html)!;

        Assert.Equal("Description | Amount\nTea | $3\nCake | $4\nTotal | $7\n\nThanks\n", InliningOracle.Render(text, model));
    }

    [Fact]
    public void ImagesReadAsTheirAltText_SoALinkedLogoKeepsALabel()
    {
        var text = PlainTextTemplateDeriver.Derive("<p><a href=\"https://shop.example/\"><img src=\"cid:logo\" alt=\"{{ brand }}\"></a></p><p><img src=\"spacer.gif\" alt=\"\"><img src=\"a.png\" alt=\"Tom &amp; Jerry\"> waves</p>")!;

        Assert.Equal("Acme (https://shop.example/)\n\nTom & Jerry waves\n", InliningOracle.Render(text, new ScriptObject { ["brand"] = "Acme" }));
    }

    [Fact]
    public void LineBreaksInsideADataCell_BecomeSpaces()
    {
        var text = PlainTextTemplateDeriver.Derive("<table><tr><th>When</th><th>Where</th></tr><tr><td><p>Fri 6 Dec<br>by 18:00</p></td><td><p>Belfast</p></td></tr></table>")!;

        Assert.Equal("When | Where\nFri 6 Dec by 18:00 | Belfast\n", text);
    }

    [Fact]
    public void HeaderCellsAlone_MakeADataTable()
    {
        Assert.Equal("Order\n1001\n", PlainTextTemplateDeriver.Derive("<table><tr><th><p>Order</p></th></tr><tr><td><p>1001</p></td></tr></table>"));
    }

    [Fact]
    public void PresentationTableWithSeveralCells_FlowsAsBlocks()
    {
        var text = PlainTextTemplateDeriver.Derive("<table role=\"presentation\"><tr><td><h3>{{ receipt_id }}</h3></td><td><h3>{{ date }}</h3></td></tr></table><p>Paid</p>");

        Assert.Equal("{{ receipt_id }}\n\n{{ date }}\n\nPaid\n", text);
    }

    [Fact]
    public void NestedLayoutTables_FlattenWithoutBlankLineDebris()
    {
        var html = """
            <table role="presentation"><tr><td align="center">
              <table role="none"><tr><td>
                <table width="100%"><tr><td><p>Hello {{ name }}</p></td></tr></table>
              </td></tr>
              <tr><td>Your order shipped.</td></tr></table>
            </td></tr></table>
            """;

        Assert.Equal("Hello {{ name }}\n\nYour order shipped.\n", PlainTextTemplateDeriver.Derive(html));
    }

    [Fact]
    public void ShippingNotificationFixture_ReadsTheSameAsTheRunTimeDerivation()
    {
        var html = File.ReadAllText(Path.Combine(CorpusTemplate.Directory, "..", "..", "Mailing.Runtime.Tests", "Messages", "Fixtures", "shipping-notification.html"));

        var text = PlainTextTemplateDeriver.Derive(html)!;

        Assert.Equal(
            "Your order has shipped\n\nHi Ann, your parcel left our warehouse today.\n\n"
            + "Carrier | Tracking | Estimated delivery\n"
            + "DHL | JD014600003 (https://track.example/JD014600003) | Fri 6 Dec by 18:00\n\n"
            + "Questions? Visit our help centre (https://shop.example/help).\n",
            text);
    }

    [Fact]
    public void BracesWrittenAsEntities_StayTextInTheTextTemplate()
    {
        var text = PlainTextTemplateDeriver.Derive("<p>Use &#123;&#123; name &#125;&#125; in templates, {{ name }}.</p>")!;

        Assert.Equal("Use {{ name }} in templates, Ann.\n", InliningOracle.Render(text, new ScriptObject { ["name"] = "Ann" }));
    }

    [Fact]
    public void DerivedTextOfGeneratedTemplates_IsValidScribanThatRendersWithoutMarkupOrCode()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var html = RandomTemplateInliningTests.Template(new Random(seed));

            var text = PlainTextTemplateDeriver.Derive(html);

            Assert.NotNull(text);
            foreach (var model in RandomTemplateInliningTests.Models())
            {
                var rendered = InliningOracle.Render(text, model);
                Assert.False(rendered.Contains('<', StringComparison.Ordinal), $"seed {seed}: {rendered}");

                Assert.False(rendered.Contains("{{", StringComparison.Ordinal), $"seed {seed}: {rendered}");
            }
        }
    }

    [Fact]
    public void HtmlWithoutVisibleText_DerivesNoTemplate()
    {
        Assert.Null(PlainTextTemplateDeriver.Derive("<html><head><style>p{}</style></head><body><img src=\"https://example.com/a.png\" alt=\"\"></body></html>"));
    }
}
