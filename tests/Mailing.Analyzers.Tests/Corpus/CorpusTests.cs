using System.Collections.Immutable;
using System.Text;
using Mailing.Analyzers.CSharp;
using Mailing.Analyzers.Json;
using Mailing.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Mailing.Analyzers.Tests.Corpus;

public sealed class CorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Corpus_DetectsEveryExpectedFinding_WithNoFalsePositives()
    {
        var expectedTotal = 0;
        var detected = 0;
        var falsePositives = 0;
        var report = new StringBuilder();
        foreach (var corpusCase in CorpusCases.All)
        {
            var actual = await AnalyzeAsync(corpusCase);
            var missing = Subtract(corpusCase.Expected, actual);
            var extra = Subtract(actual, corpusCase.Expected);
            expectedTotal += corpusCase.Expected.Length;
            detected += corpusCase.Expected.Length - missing.Count;
            falsePositives += extra.Count;
            if (missing.Count > 0 || extra.Count > 0)
            {
                report.AppendLine($"{corpusCase.Name}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]");
            }
        }

        var negatives = CorpusCases.All.Count(c => c.IsNegative);
        var knownMisses = CorpusCases.All.Sum(c => c.KnownMisses.Length);
        output.WriteLine($"Corpus: {CorpusCases.All.Length} snippets ({negatives} negatives); detected {detected} of {expectedTotal + knownMisses} real findings ({knownMisses} known misses on APIs the rules do not know); {falsePositives} false positives.");
        output.WriteLine(report.ToString());

        Assert.True(CorpusCases.All.Length >= 40, "The corpus must hold at least 40 snippets.");
        Assert.True(report.Length == 0, report.ToString());
        Assert.Equal(expectedTotal, detected);
        Assert.Equal(0, falsePositives);
    }

    private static async Task<List<string>> AnalyzeAsync(CorpusCase corpusCase)
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(StandIns.MailKit, path: "StandIns.MailKit.cs"),
            CSharpSyntaxTree.ParseText(StandIns.Mailing, path: "StandIns.Mailing.cs"),
            CSharpSyntaxTree.ParseText(StandIns.FluentEmail, path: "StandIns.FluentEmail.cs"),
            CSharpSyntaxTree.ParseText(StandIns.FluentEmailSmtp, path: "StandIns.FluentEmailSmtp.cs"),
            CSharpSyntaxTree.ParseText(corpusCase.CSharp ?? "class Empty { }", path: "Snippet.cs"),
        };
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{corpusCase.Name} does not compile: {string.Join("; ", errors)}");

        var additionalFiles = corpusCase.Json is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/project/" + corpusCase.JsonFileName, corpusCase.Json));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MailConfigurationAnalyzer(), new AppSettingsAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(additionalFiles));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => d.Id).ToList();
    }

    private static List<string> Subtract(IEnumerable<string> from, IEnumerable<string> remove)
    {
        var result = from.ToList();
        foreach (var id in remove)
        {
            result.Remove(id);
        }

        return result;
    }
}
