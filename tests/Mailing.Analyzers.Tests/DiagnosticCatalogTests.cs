using Mailing.Analyzers.CodeFixes;
using Mailing.Analyzers.CSharp;
using Mailing.Analyzers.Json;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Tests;

public sealed class DiagnosticCatalogTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> Ids => new(new MailConfigurationAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct());

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryId_HasAHelpLinkToItsOwnDocsPage_WithWhyFixAndSuppress(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.EndsWith("/" + DiagnosticDescriptors.DocsPath, DiagnosticDescriptors.HelpLinkBase, StringComparison.Ordinal);

        // The link's repository-relative part must name the file that exists in this checkout.
        var page = Path.Combine(RepositoryRoot, DiagnosticDescriptors.DocsPath, id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing.");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text, StringComparison.Ordinal);
        Assert.Contains("## Why", text, StringComparison.Ordinal);
        Assert.Contains("## How to fix", text, StringComparison.Ordinal);
        Assert.Contains("## How to suppress", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAnalyzerPageInTheDocs_BelongsToADescriptor_AndTheLinksUseThePackagesRepositoryUrl()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot, DiagnosticDescriptors.DocsPath), "MAIL*.md").Select(f => Path.GetFileNameWithoutExtension(f)!).Where(id => id.StartsWith("MAIL02", StringComparison.Ordinal) || id.StartsWith("MAIL03", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains(page, ids));

        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props"));
        var repositoryUrl = props.Descendants("RepositoryUrl").Single().Value;
        Assert.Equal(global::Mailing.Diagnostics.DocumentationLinks.RepositoryUrl, repositoryUrl);
        Assert.All(AllDescriptors(), d => Assert.StartsWith(repositoryUrl + "/", d.HelpLinkUri, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryId_IsListedInAnalyzersOverview_AndInReleaseTracking(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var overview = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "analyzers.md"));
        Assert.Contains($"[{id}](diagnostics/{id}.md)", overview, StringComparison.Ordinal);

        var unshipped = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Mailing.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var row = Assert.Single(unshipped, line => line.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Contains($"| {descriptor.Category} | {descriptor.DefaultSeverity} |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonAnalyzerAndCodeFixes_UseOnlyIdsOfTheCatalog()
    {
        var ids = new MailConfigurationAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        Assert.Subset(ids, new AppSettingsAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet());
        Assert.Subset(ids, new SecureTransportCodeFixProvider().FixableDiagnosticIds.ToHashSet());
        Assert.Subset(ids, new RemoveCertificateCallbackCodeFixProvider().FixableDiagnosticIds.ToHashSet());
        Assert.All(ids, id => Assert.Matches("^MAIL0[23][0-9]{2}$", id));
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => new MailConfigurationAnalyzer().SupportedDiagnostics.Concat(new AppSettingsAnalyzer().SupportedDiagnostics);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mailing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Mailing.sln not found above " + AppContext.BaseDirectory);
    }
}
