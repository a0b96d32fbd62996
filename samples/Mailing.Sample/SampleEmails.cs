using Mailing.Sample.Templates;

namespace Mailing.Sample;

/// <summary>The emails the sample renders and sends, with made-up data.</summary>
internal static class SampleEmails
{
    public static int Count => Create().Count;

    public static IReadOnlyList<(IEmailTemplate Email, EmailAddress To)> Create() =>
    [
        (new WelcomeEmail
        {
            ProductName = "Acme Cloud",
            User = new SampleUser("Zoë", "zoe@example.com", new DateTime(2026, 11, 28), new SamplePlan("Team", IsPaid: true, MonthlyPrice: 49.90m)),
            NextSteps =
            [
                new NextStep("Verify your address", "https://acme.example/verify?u=42&t=abc"),
                new NextStep("Invite your team", "https://acme.example/team"),
            ],
        }, new EmailAddress("zoe@example.com", "Zoë Müller")),
        (new ReceiptEmail
        {
            Customer = new SampleCustomer("Zoë", "zoe@example.com"),
            Order = new SampleOrder(
                "A-1042",
                new DateTime(2026, 11, 28),
                [
                    new SampleOrderLine("Team plan, 1 month", 1, 49.90m),
                    new SampleOrderLine("Extra seats", 3, 9.00m),
                    new SampleOrderLine("<Priority> support & onboarding", 1, 120.00m),
                ],
                "https://acme.example/orders/A-1042",
                Note: "Paid by card ending 4242."),
        }, new EmailAddress("zoe@example.com", "Zoë Müller")),
    ];
}
