using System.Globalization;
using System.Net;
using System.Text;
using Mailing.Benchmarks.Templates;

namespace Mailing.Benchmarks.Rendering;

/// <summary>
/// The receipt as someone would write it by hand for speed: a <see cref="StringBuilder"/>, the CSS
/// already pasted into <c>style</c> attributes, <see cref="WebUtility.HtmlEncode(string)"/> on every
/// value. This is the floor the other renderers are measured against.
/// </summary>
internal static class HandWrittenReceipt
{
    private const string Head = """
        <!DOCTYPE html>
        <html>
        <head>
          <meta charset="utf-8">
          <title>Receipt 
        """;

    private const string StyleBlock = """
        </title>
          <style>
            body { font-family: Helvetica, Arial, sans-serif; color: #333333; margin: 0; padding: 0; }
            .wrapper { width: 100%; background-color: #f4f4f7; padding: 24px 0; }
            .content { max-width: 570px; margin: 0 auto; background-color: #ffffff; padding: 32px; }
            h1 { font-size: 22px; color: #333333; margin: 0 0 16px; }
            p { font-size: 16px; line-height: 1.6; margin: 0 0 12px; }
            .receipt { width: 100%; border-collapse: collapse; margin: 24px 0; }
            .receipt th { text-align: left; font-size: 13px; color: #85878e; border-bottom: 2px solid #eaeaec; padding: 8px 0; }
            .receipt td { font-size: 15px; border-bottom: 1px solid #eaeaec; padding: 8px 0; }
            .sku { color: #85878e; font-size: 12px; }
            .amount { text-align: right; }
            .subtotal td { border-bottom: none; color: #51545e; }
            .total td { font-weight: bold; font-size: 17px; border-bottom: none; }
            .button { background-color: #3869d4; color: #ffffff; padding: 10px 18px; text-decoration: none; border-radius: 3px; }
            .footer { font-size: 12px; color: #a8aaaf; text-align: center; }
          </style>
        </head>
        <body style="font-family: Helvetica, Arial, sans-serif;color: #333333;margin: 0;padding: 0">
          <table class="wrapper" style="width: 100%;background-color: #f4f4f7;padding: 24px 0">
            <tbody>
              <tr>
                <td class="content" style="max-width: 570px;margin: 0 auto;background-color: #ffffff;padding: 32px">
                  <h1 style="font-size: 22px;color: #333333;margin: 0 0 16px">Thanks for your order, 
        """;

    private const string Paragraph = """<p style="font-size: 16px;line-height: 1.6;margin: 0 0 12px">""";
    private const string Heading = """<th style="text-align: left;font-size: 13px;color: #85878e;border-bottom: 2px solid #eaeaec;padding: 8px 0">""";
    private const string HeadingAmount = """<th class="amount" style="text-align: left;font-size: 13px;color: #85878e;border-bottom: 2px solid #eaeaec;padding: 8px 0">""";
    private const string Cell = """<td style="font-size: 15px;border-bottom: 1px solid #eaeaec;padding: 8px 0">""";
    private const string CellAmount = """</td><td class="amount" style="text-align: right;font-size: 15px;border-bottom: 1px solid #eaeaec;padding: 8px 0">""";
    private const string SubtotalCell = """<td style="font-size: 15px;padding: 8px 0;border-bottom: none;color: #51545e">""";
    private const string SubtotalAmount = """<td class="amount" style="text-align: right;font-size: 15px;padding: 8px 0;border-bottom: none;color: #51545e">""";
    private const string TotalCell = """<td style="padding: 8px 0;font-weight: bold;font-size: 17px;border-bottom: none">""";
    private const string TotalAmount = """<td class="amount" style="text-align: right;padding: 8px 0;font-weight: bold;font-size: 17px;border-bottom: none">""";

    public static string Render(ReceiptEmail email, CultureInfo culture)
    {
        var customer = email.Customer;
        var order = email.Order;
        var html = new StringBuilder();

        html.Append(Head).Append(WebUtility.HtmlEncode(order.Number));
        html.Append(StyleBlock).Append(WebUtility.HtmlEncode(customer.FirstName)).Append("</h1>\n          ");
        html.Append(Paragraph).Append("Order ").Append(WebUtility.HtmlEncode(order.Number))
            .Append(", placed ").Append(order.PlacedAt.ToString("dd MMMM yyyy", culture))
            .Append(". A copy of this receipt was sent to ").Append(WebUtility.HtmlEncode(customer.Email)).Append(".</p>\n");
        html.Append("""          <table class="receipt" style="width: 100%;border-collapse: collapse;margin: 24px 0">""").Append('\n');
        html.Append("            <thead>\n              <tr>")
            .Append(Heading).Append("Item</th>")
            .Append(HeadingAmount).Append("Qty</th>")
            .Append(HeadingAmount).Append("Price</th>")
            .Append(HeadingAmount).Append("Amount</th></tr>\n            </thead>\n            <tbody>\n");

        foreach (var line in order.Lines)
        {
            html.Append("              <tr>").Append(Cell).Append(WebUtility.HtmlEncode(line.Description))
                .Append("""<br><span class="sku" style="color: #85878e;font-size: 12px">""").Append(WebUtility.HtmlEncode(line.Sku)).Append("</span>")
                .Append(CellAmount).Append(line.Quantity.ToString(culture))
                .Append(CellAmount).Append(line.UnitPrice.ToString("C", culture))
                .Append(CellAmount).Append(line.Amount.ToString("C", culture))
                .Append("</td></tr>\n");
        }

        AppendSubtotal(html, "Subtotal", order.Subtotal, culture);
        AppendSubtotal(html, "Shipping", order.Shipping, culture);
        AppendSubtotal(html, "Tax", order.Tax, culture);
        html.Append("""              <tr class="total">""")
            .Append(TotalCell).Append("Total</td>").Append(TotalCell).Append("</td>").Append(TotalCell).Append("</td>")
            .Append(TotalAmount).Append(order.Total.ToString("C", culture)).Append("</td></tr>\n");
        html.Append("            </tbody>\n          </table>\n");

        if (order.Note is not null)
        {
            html.Append("          ").Append(Paragraph).Append("<em>").Append(WebUtility.HtmlEncode(order.Note)).Append("</em></p>\n");
        }

        html.Append("          ").Append(Paragraph).Append("<a class=\"button\" href=\"").Append(WebUtility.HtmlEncode(order.Url))
            .Append("\" style=\"background-color: #3869d4;color: #ffffff;padding: 10px 18px;text-decoration: none;border-radius: 3px\">View your order</a></p>").Append('\n');
        html.Append("""          <p class="footer" style="line-height: 1.6;margin: 0 0 12px;font-size: 12px;color: #a8aaaf;text-align: center">Acme Cloud, 1 Example Street, Springfield</p>""").Append('\n');
        html.Append("        </td>\n      </tr>\n    </tbody>\n  </table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSubtotal(StringBuilder html, string label, decimal amount, CultureInfo culture) =>
        html.Append("""              <tr class="subtotal">""")
            .Append(SubtotalCell).Append(label).Append("</td>").Append(SubtotalCell).Append("</td>").Append(SubtotalCell).Append("</td>")
            .Append(SubtotalAmount).Append(amount.ToString("C", culture)).Append("</td></tr>\n");
}
