using System.Globalization;
using Mailing.Benchmarks.Templates;

namespace Mailing.Benchmarks.Rendering;

/// <summary>The one receipt every renderer writes: five lines, text that needs escaping, a note.</summary>
internal static class ReceiptData
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-US");

    public static ReceiptEmail Create() => new()
    {
        Customer = new ReceiptCustomer("Zoë", "zoe@example.com"),
        Order = new ReceiptOrder(
            "A-1042",
            new DateTime(2026, 11, 28, 9, 30, 0, DateTimeKind.Utc),
            [
                new ReceiptLine("Team plan, 1 month", "PLAN-TEAM-M", 1, 49.90m),
                new ReceiptLine("Extra seats", "SEAT-EXTRA", 3, 9.00m),
                new ReceiptLine("<Priority> support & onboarding", "SUP-PRIO", 1, 120.00m),
                new ReceiptLine("Custom domain \"acme.example\"", "DOM-CUSTOM", 2, 12.50m),
                new ReceiptLine("Archive storage, 500 GB", "STO-ARCH-500", 4, 1234.56m),
            ],
            Shipping: 0.00m,
            Tax: 38.47m,
            Url: "https://acme.example/orders/A-1042?ref=mail&utm=receipt",
            Note: "Paid by card ending 4242. Questions? Reply to this email."),
    };

    /// <summary>The rendered receipt as the message every sending benchmark hands to a transport.</summary>
    public static EmailMessage Message()
    {
        var rendered = Create().Render(Culture);
        return new EmailMessage
        {
            From = new EmailAddress("shop@acme.example", "Acme Cloud"),
            To = [new EmailAddress("zoe@example.com", "Zoë Müller")],
            Subject = rendered.Subject,
            HtmlBody = rendered.Html,
            TextBody = rendered.Text,
        };
    }
}
