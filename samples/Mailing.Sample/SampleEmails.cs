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
    ];
}
