namespace Mailing.Sample.Web.Emails;

/// <summary>
/// A weekly summary: sections that appear only when they have something in them, items within
/// sections, and dates and money in the recipient's culture.
/// </summary>
[EmailTemplate("Emails/WeeklyDigestEmail.sbn-html",
    Subject = "Your week at {{ brand.name }}: {{ week_starting | date.to_string \"%d %b\" }} to {{ week_ending | date.to_string \"%d %b\" }}",
    Layout = "Emails/_Layout.sbn-html")]
public sealed partial class WeeklyDigestEmail : ProductEmail
{
    public required string FirstName { get; init; }

    public required DateTime WeekStarting { get; init; }

    public DateTime WeekEnding => WeekStarting.AddDays(6);

    public required decimal Revenue { get; init; }

    public required int OrderCount { get; init; }

    public IReadOnlyList<DigestSection> Sections { get; init; } = [];

    public string? Tip { get; init; }

    public override string Preheader => $"{OrderCount} orders this week.";

    [EmailPreview("Busy week")]
    internal static WeeklyDigestEmail Sample() => SampleEmails.WeeklyDigest();

    [EmailPreview("Quiet week", Description = "No sections with items and no tip: only the summary")]
    internal static WeeklyDigestEmail Quiet() => new() { Brand = SampleEmails.Brand, FirstName = "Ann", WeekStarting = new DateTime(2026, 11, 23), Revenue = 0m, OrderCount = 0 };
}

public sealed record DigestSection(string Title, IReadOnlyList<DigestItem> Items);

public sealed record DigestItem(string Title, Uri Url, DateTime At, decimal? Amount = null);
