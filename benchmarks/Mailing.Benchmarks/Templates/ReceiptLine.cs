namespace Mailing.Benchmarks.Templates;

public sealed record ReceiptLine(string Description, string Sku, int Quantity, decimal UnitPrice)
{
    public decimal Amount => UnitPrice * Quantity;
}
