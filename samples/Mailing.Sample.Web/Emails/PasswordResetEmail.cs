namespace Mailing.Sample.Web.Emails;

/// <summary>A password-reset link that expires, with the security details a recipient needs to spot abuse.</summary>
[EmailTemplate("Emails/PasswordResetEmail.sbn-html",
    Subject = "Reset your {{ brand.name }} password",
    TextTemplate = "Emails/PasswordResetEmail.sbn-txt",
    Layout = "Emails/_Layout.sbn-html")]
public sealed partial class PasswordResetEmail : ProductEmail
{
    public required string FirstName { get; init; }

    public required Uri ActionUrl { get; init; }

    public string ActionLabel => "Reset your password";

    public required DateTimeOffset ExpiresAt { get; init; }

    public required int ValidForMinutes { get; init; }

    /// <summary>Where the request came from, so the recipient can tell whether it was them.</summary>
    public required string RequestedFrom { get; init; }

    public override string Preheader => $"Use this link to reset your password. It is valid for {ValidForMinutes} minutes.";

    [EmailPreview("Reset link", Description = "Valid for 30 minutes")]
    internal static PasswordResetEmail Sample() => SampleEmails.PasswordReset();
}
