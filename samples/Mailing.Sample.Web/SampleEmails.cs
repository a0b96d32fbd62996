using Mailing.Sample.Web.Emails;

namespace Mailing.Sample.Web;

/// <summary>One email the sample can send: a name for its endpoint, and a filled template.</summary>
public sealed record SampleEmail(string Name, string Description, Func<IEmailTemplate> Create);

/// <summary>
/// Fixed data for each sample email, shared by the endpoints, the start-up run and the snapshot
/// tests, so what a developer clicks is what the tests check.
/// </summary>
public static class SampleEmails
{
    public static readonly Brand Brand = new("Acme Shop", new Uri("https://shop.example/"), "1 Market Street, Springfield", "help@shop.example");

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    public static IReadOnlyList<SampleEmail> All { get; } =
    [
        new("welcome", "Welcome: a greeting and a button", () => Welcome()),
        new("password-reset", "Password reset: an expiring link and a security note", () => PasswordReset()),
        new("order-receipt", "Order receipt: line items, totals, a discount row, an inline logo", () => OrderReceipt()),
        new("weekly-digest", "Weekly digest: nested sections, dates and money in the recipient's culture", () => WeeklyDigest()),
    ];

    public static SampleEmail? Find(string name) => All.FirstOrDefault(sample => sample.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static WelcomeEmail Welcome() => new()
    {
        Brand = Brand,
        FirstName = "Ann",
        ActionUrl = new Uri("https://shop.example/setup?step=1"),
    };

    public static PasswordResetEmail PasswordReset() => new()
    {
        Brand = Brand,
        FirstName = "Ann",
        ActionUrl = new Uri("https://shop.example/reset?token=3f9c2a7e"),
        ValidForMinutes = 30,
        ExpiresAt = Now.AddMinutes(30),
        RequestedFrom = "Firefox on Windows, Berlin, Germany (203.0.113.7)",
    };

    public static OrderReceiptEmail OrderReceipt() => new()
    {
        Brand = Brand,
        FirstName = "Ann",
        ActionUrl = new Uri("https://shop.example/orders/1042"),
        Order = new Order(
            "1042",
            Now,
            [
                new OrderLine("Espresso beans, 1 kg", 2, 18.90m),
                new OrderLine("Milk jug <steel> & \"barista\" edition", 1, 12.50m),
                new OrderLine("Descaler", 3, 4.25m),
            ],
            Discount: 5.00m,
            Shipping: 4.90m),
    };

    public static WeeklyDigestEmail WeeklyDigest() => new()
    {
        Brand = Brand,
        FirstName = "Ann",
        WeekStarting = new DateTime(2026, 11, 23),
        Revenue = 1234.5m,
        OrderCount = 17,
        Sections =
        [
            new DigestSection("Largest orders",
            [
                new DigestItem("Order 1039 from Ben", new Uri("https://shop.example/orders/1039"), new DateTime(2026, 11, 24, 14, 5, 0), 310.00m),
                new DigestItem("Order 1041 from Chloé", new Uri("https://shop.example/orders/1041"), new DateTime(2026, 11, 27, 8, 45, 0), 189.99m),
            ]),
            new DigestSection("New reviews",
            [
                new DigestItem("★★★★★ \"Best beans I've had\"", new Uri("https://shop.example/reviews/77"), new DateTime(2026, 11, 25, 19, 30, 0)),
            ]),
            new DigestSection("Refunds", []),
        ],
        Tip = "Customers who get a shipping confirmation within an hour leave twice as many reviews.",
    };
}
