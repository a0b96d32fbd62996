using Mailing;

namespace Mailing.Sample.Templates;

/// <summary>The welcome email: compiled from WelcomeEmail.sbn-html/.sbn-txt at build time.</summary>
[EmailTemplate("Templates/WelcomeEmail.sbn-html",
    Subject = "Welcome to {{ product_name }}, {{ user.first_name }}",
    TextTemplate = "Templates/WelcomeEmail.sbn-txt",
    Layout = "Templates/_Layout.sbn-html")]
public sealed partial class WelcomeEmail
{
    public required string ProductName { get; init; }

    public required SampleUser User { get; init; }

    public IReadOnlyList<NextStep> NextSteps { get; init; } = [];
}

public sealed record SampleUser(string FirstName, string Email, DateTime JoinedAt, SamplePlan Plan);

public sealed record SamplePlan(string Name, bool IsPaid, decimal MonthlyPrice);

public sealed record NextStep(string Title, string Url);
