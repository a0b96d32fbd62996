namespace Mailing.Sample.Web.Emails;

/// <summary>
/// An order receipt: a table of line items from a partial, totals with a discount row only when
/// there is a discount, and the logo embedded as an inline image (<c>cid:logo</c>, from the layout).
/// </summary>
[EmailTemplate("Emails/OrderReceiptEmail.sbn-html",
    Subject = "Your receipt for order {{ order.number }}",
    Layout = "Emails/_Layout.sbn-html")]
public sealed partial class OrderReceiptEmail : ProductEmail
{
    public required string FirstName { get; init; }

    public required Order Order { get; init; }

    public required Uri ActionUrl { get; init; }

    public string ActionLabel => "View your order";

    public override string Preheader => $"Order {Order.Number} is confirmed.";

    [EmailPreview("With discount", Description = "Three lines, a discount and shipping")]
    internal static OrderReceiptEmail Sample() => SampleEmails.OrderReceipt();

    [EmailPreview("No discount, free shipping")]
    internal static OrderReceiptEmail Plain()
    {
        var receipt = SampleEmails.OrderReceipt();
        return new OrderReceiptEmail { Brand = receipt.Brand, FirstName = receipt.FirstName, ActionUrl = receipt.ActionUrl, Order = receipt.Order with { Discount = 0, Shipping = 0 } };
    }
}

public sealed record Order(string Number, DateTimeOffset PlacedAt, IReadOnlyList<OrderLine> Lines, decimal Discount = 0, decimal Shipping = 0)
{
    public decimal Subtotal => Lines.Sum(line => line.Total);

    public decimal Total => Subtotal - Discount + Shipping;
}

public sealed record OrderLine(string Description, int Quantity, decimal UnitPrice)
{
    public decimal Total => UnitPrice * Quantity;
}
