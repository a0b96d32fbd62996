using Mailing;

namespace Mailing.Sample.Templates;

/// <summary>
/// An order receipt: its <c>&lt;style&gt;</c> rules are inlined at build time and, with no text
/// template given, its plain-text part is derived from the HTML at build time too.
/// </summary>
[EmailTemplate("Templates/ReceiptEmail.sbn-html", Subject = "Your receipt for order {{ order.number }}")]
public sealed partial class ReceiptEmail
{
    public required SampleCustomer Customer { get; init; }

    public required SampleOrder Order { get; init; }
}

public sealed record SampleCustomer(string FirstName, string Email);

public sealed record SampleOrder(string Number, DateTime PlacedAt, IReadOnlyList<SampleOrderLine> Lines, string Url, string? Note = null)
{
    public decimal Total => Lines.Sum(line => line.Price * line.Quantity);
}

public sealed record SampleOrderLine(string Description, int Quantity, decimal Price);
