namespace Mailing.DevInbox.Tests.Embedding;

/// <summary>The embedding app's template, with two previews the inbox should list.</summary>
[EmailTemplate(
    Html = "<p>Order {{ number }} ships today. Total: {{ total | math.format \"N2\" }}</p>",
    Subject = "Order {{ number }} has shipped",
    Text = "Order {{ number }} ships today. Total: {{ total | math.format \"N2\" }}")]
public sealed partial class ShipmentEmail
{
    public string Number { get; init; } = "";

    public decimal Total { get; init; }

    [EmailPreview("Large order", Description = "A total in the thousands, to check number formatting")]
    public static ShipmentEmail LargeOrder() => new() { Number = "1042", Total = 1234.5m };

    [EmailPreview]
    internal static ShipmentEmail Broken() => throw new InvalidOperationException("sample data missing");
}
