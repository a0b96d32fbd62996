namespace Mailing.Sample.Web.Emails;

/// <summary>Sent once an account exists: a greeting and one call to action.</summary>
[EmailTemplate("Emails/WelcomeEmail.sbn-html",
    Subject = "Welcome to {{ brand.name }}, {{ first_name }}!",
    Layout = "Emails/_Layout.sbn-html")]
public sealed partial class WelcomeEmail : ProductEmail
{
    public required string FirstName { get; init; }

    public required Uri ActionUrl { get; init; }

    public string ActionLabel => "Set up your shop";

    public int TrialDays { get; init; } = 14;

    public override string Preheader => $"Your {TrialDays}-day trial has started. Here is how to get going.";

    [EmailPreview("New shop owner")]
    internal static WelcomeEmail Sample() => SampleEmails.Welcome();

    [EmailPreview("Long trial", Description = "A 30-day trial and a name with accents")]
    internal static WelcomeEmail LongTrial() => new()
    {
        Brand = SampleEmails.Brand,
        FirstName = "Zoë-Émilie",
        ActionUrl = new Uri("https://shop.example/setup?step=1"),
        TrialDays = 30,
    };
}
