using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Mailing.Package.Tests;

/// <summary>What the .nupkg holds, read from the packed zip itself.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentTests(PackageFixture fixture)
{
    private const string AnalyzersFolder = "analyzers/dotnet/cs/";

    // Assemblies the host already has loaded; shipping them would fight the host's copy. The
    // Workspaces and MEF (System.Composition) ones are needed only by code fixes, which only IDE
    // hosts load, and those hosts carry them.
    private static readonly string[] HostAssemblies =
    [
        "netstandard", "mscorlib", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp",
        "Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces",
        "System.Collections.Immutable", "System.Reflection.Metadata", "System.Composition.AttributedModel",
    ];

    [Fact]
    public void LibNet80_HoldsTheRuntimeAndItsXmlDocs_AndNothingElse()
    {
        var lib = Entries().Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(["lib/net8.0/Mailing.Runtime.dll", "lib/net8.0/Mailing.Runtime.xml"], lib);
    }

    [Fact]
    public void RuntimeXmlDocs_DescribeThePublicApi()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        using var stream = package.GetEntry("lib/net8.0/Mailing.Runtime.xml")!.Open();
        var members = XDocument.Load(stream).Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();

        Assert.Contains("T:Mailing.EmailTemplateAttribute", members);
        Assert.Contains(members, m => m.StartsWith("M:Mailing.IMailer.SendAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependencies_AreExactlyTheRuntimesPackageReferences()
    {
        var runtimeProject = XDocument.Load(Path.Combine(fixture.RepositoryRoot, "src", "Mailing.Runtime", "Mailing.Runtime.csproj"));
        var runtimeReferences = runtimeProject.Descendants("PackageReference")
            .Where(r => (string?)r.Attribute("PrivateAssets") != "all")
            .Select(r => (string)r.Attribute("Include")!)
            .Order(StringComparer.OrdinalIgnoreCase);

        var dependencies = fixture.Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => (string)d.Attribute("id")!)
            .Order(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(runtimeReferences, dependencies);
    }

    [Fact]
    public void GeneratorsPackages_TravelInsideAnalyzers_AndOnlyTheRuntimesOwnNeedsBecomeDependencies()
    {
        var dependencies = fixture.Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => (string)d.Attribute("id")!).ToList();
        var analyzers = Entries().Where(e => e.StartsWith(AnalyzersFolder, StringComparison.Ordinal)).ToList();

        foreach (var generatorPackage in new[] { "Scriban.Signed", "PreMailer.Net", "AngleSharp" })
        {
            Assert.Contains($"{AnalyzersFolder}{generatorPackage}.dll", analyzers);
        }

        // The template compiler is build-time only: an app never loads Scriban or Roslyn. (PreMailer
        // and AngleSharp are dependencies only while the runtime itself references them, for
        // run-time CSS inlining; Dependencies_AreExactlyTheRuntimesPackageReferences covers that.)
        Assert.DoesNotContain("Scriban.Signed", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void AnalyzersFolder_HoldsEveryAssemblyTheGeneratorAndAnalyzersReference_AtLeastAtTheReferencedVersion()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var shipped = new Dictionary<string, (Version Version, IReadOnlyList<AssemblyName> References)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith(AnalyzersFolder, StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var memory = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(memory);
            }

            memory.Position = 0;
            using var pe = new PEReader(memory);
            var metadata = pe.GetMetadataReader();
            var definition = metadata.GetAssemblyDefinition();
            var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
            shipped[metadata.GetString(definition.Name)] = (definition.Version, references);
        }

        Assert.Contains("Mailing.Generators", shipped.Keys);
        Assert.Contains("Mailing.Analyzers", shipped.Keys);

        var missing = new List<string>();
        foreach (var (name, (_, references)) in shipped)
        {
            foreach (var reference in references.Where(r => !HostAssemblies.Contains(r.Name, StringComparer.OrdinalIgnoreCase)))
            {
                if (!shipped.TryGetValue(reference.Name!, out var target))
                {
                    missing.Add($"{name} references {reference.Name} {reference.Version}, which is not in {AnalyzersFolder}");
                }
                else if (reference.Version is { } wanted && target.Version < wanted)
                {
                    missing.Add($"{name} references {reference.Name} {wanted}, but {AnalyzersFolder} has {target.Version}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void BuildTransitiveTargets_AreInThePackage_SoTransitiveConsumersGetTemplatesAsAdditionalFiles()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var targets = package.GetEntry("buildTransitive/Mailing.targets");

        Assert.NotNull(targets);
        using var stream = targets.Open();
        var includes = XDocument.Load(stream).Descendants().Select(e => (string?)e.Attribute("Include")).OfType<string>();
        Assert.Contains(includes, i => i.Contains("**/*.sbn-html", StringComparison.Ordinal)
            && i.Contains("**/*.sbn-txt", StringComparison.Ordinal)
            && i.Contains("appsettings*.json", StringComparison.Ordinal));
    }

    private List<string> Entries()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        return package.Entries.Select(e => e.FullName).ToList();
    }
}
