using System.Globalization;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Sample.Web.Tests.Snapshots;

/// <summary>
/// Subject, HTML and text of every sample email for its fixed data, in en-US and de-DE, against
/// committed <c>.verified.</c> files: a change to a template, the layout, the stylesheet or the
/// generator shows up here as a reviewable diff.
/// </summary>
public sealed class SampleEmailSnapshotTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var sample in SampleEmails.All)
        {
            cases.Add(sample.Name, "en-US");
            cases.Add(sample.Name, "de-DE");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_email_matches_its_snapshot(string name, string culture)
    {
        var email = SampleEmails.Find(name)!.Create().Render(CultureInfo.GetCultureInfo(culture));

        Snapshot.Match(email.Subject + "\n", $"{name}.{culture}.subject.{{kind}}.txt");
        Snapshot.Match(email.Html, $"{name}.{culture}.{{kind}}.html");
        Snapshot.Match(email.Text, $"{name}.{culture}.{{kind}}.txt");
    }

    [Fact]
    public void Every_sample_has_snapshots_in_both_cultures()
    {
        var folder = Path.Combine(SourceFolder(), "Snapshots");
        var missing = SampleEmails.All
            .SelectMany(sample => new[] { "en-US", "de-DE" }.Select(culture => $"{sample.Name}.{culture}.verified.html"))
            .Where(file => !File.Exists(Path.Combine(folder, file)))
            .ToArray();

        Assert.Empty(missing);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
