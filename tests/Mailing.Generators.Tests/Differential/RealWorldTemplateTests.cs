using System.Globalization;
using System.Runtime.CompilerServices;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.Differential;

/// <summary>
/// A real-world template (Postmark's receipt, 16 KB of table layout and CSS) against Scriban. CSS
/// inlining is left to run time here so the compiled HTML is the template's own output, passed
/// through the same run-time inliner.
/// </summary>
public sealed class RealWorldTemplateTests
{
    private const string Model = """
        namespace Receipts
        {
            public sealed record ReceiptDetail(string Description, decimal Amount);

            [global::Mailing.EmailTemplate("Templates/receipt.sbn-html", TextTemplate = "Templates/receipt.sbn-txt", CssInlining = global::Mailing.CssInlining.Runtime)]
            public partial class ReceiptEmail
            {
                public string PurchaseDate { get; set; } = "";
                public string Name { get; set; } = "";
                public string CreditCardBrand { get; set; } = "";
                public string CreditCardLastFour { get; set; } = "";
                public string BillingUrl { get; set; } = "";
                public string ExpirationDate { get; set; } = "";
                public string ReceiptId { get; set; } = "";
                public string Date { get; set; } = "";
                public global::System.Collections.Generic.List<ReceiptDetail> ReceiptDetails { get; set; } = new();
                public decimal Total { get; set; }
                public string SupportUrl { get; set; } = "";
                public string ActionUrl { get; set; } = "";

                public static ReceiptEmail Sample(string name) => new()
                {
                    PurchaseDate = "5 March 2024", Name = name, CreditCardBrand = "Visa", CreditCardLastFour = "4242",
                    BillingUrl = "https://example.test/billing", ExpirationDate = "1 April 2024", ReceiptId = "R-1001",
                    Date = "5 March 2024",
                    ReceiptDetails = new() { new("Pro plan", 49.00m), new("Extra seat", 12.50m) },
                    Total = 61.50m, SupportUrl = "https://example.test/support", ActionUrl = "https://example.test/receipt.pdf",
                };
            }
        }
        """;

    private static readonly Lazy<(System.Reflection.Assembly Assembly, string Html, string Text)> Compiled = new(() =>
    {
        var folder = Path.Combine(Folder(), "RealWorld", "postmark-receipt");
        var html = File.ReadAllText(Path.Combine(folder, "receipt.sbn-html"));
        var text = File.ReadAllText(Path.Combine(folder, "receipt.sbn-txt"));
        var result = GeneratorHarness.Run(Model, ("Templates/receipt.sbn-html", html), ("Templates/receipt.sbn-txt", text));
        return (result.Load(), html, text);
    });

    [Theory]
    [InlineData("Ann")]
    [InlineData("Zoë")]
    public void PostmarkReceipt_HtmlAndText_EqualScribanRender(string name)
    {
        var (assembly, html, text) = Compiled.Value;
        var model = assembly.GetType("Receipts.ReceiptEmail")!.GetMethod("Sample")!.Invoke(null, [name])!;

        var email = ((IEmailTemplate)model).Render(CultureInfo.InvariantCulture);

        Assert.Equal(global::Mailing.Templates.RuntimeCssInliner.Inline(ScribanOracle.Render(html, model)), email.Html);
        Assert.Equal(ScribanOracle.Render(text, model), email.Text);
        Assert.Contains("<td width=\"80%\" class=\"purchase_item\" style=\"word-break: break-word;font-family: 'Nunito Sans', Helvetica, Arial, sans-serif;padding: 10px 0;color: #51545E;font-size: 15px;line-height: 18px\"><span class=\"f-fallback\">Extra seat</span></td>", email.Html, StringComparison.Ordinal);
    }

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
