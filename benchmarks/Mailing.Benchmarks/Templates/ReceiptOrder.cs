namespace Mailing.Benchmarks.Templates;

public sealed record ReceiptOrder(
    string Number,
    DateTime PlacedAt,
    IReadOnlyList<ReceiptLine> Lines,
    decimal Shipping,
    decimal Tax,
    string Url,
    string? Note)
{
    public decimal Subtotal { get; } = Lines.Sum(line => line.Amount);

    public decimal Total => Subtotal + Shipping + Tax;
}
