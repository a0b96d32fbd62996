using Mailing;

namespace Mailing.Benchmarks.Templates;

/// <summary>
/// The receipt every benchmark renders: compiled by Mailing's source generator, with its
/// <c>&lt;style&gt;</c> block inlined at build time.
/// </summary>
[EmailTemplate("Templates/ReceiptEmail.sbn-html", Subject = "Your receipt for order {{ order.number }}")]
public sealed partial class ReceiptEmail
{
    public required ReceiptCustomer Customer { get; init; }

    public required ReceiptOrder Order { get; init; }
}
