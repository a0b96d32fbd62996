using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Mailing.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Generators.Tests.Infrastructure;

/// <summary>Runs the generator on C# source and template files the way a build would.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/project/";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TemplatesUnderTest",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: ProjectDirectory + $"Source{i}.cs")),
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(RenderedEmail).Assembly.Location)),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static ImmutableArray<AdditionalText> Files(params (string Path, string Text)[] files) =>
        files.Select(f => (AdditionalText)new InMemoryAdditionalText(ProjectDirectory + f.Path, f.Text)).ToImmutableArray();

    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> files, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new EmailTemplateGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GenerationResult Run(string source, params (string Path, string Text)[] files)
    {
        var compilation = CreateCompilation(source);
        var driver = CreateDriver(Files(files)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GenerationResult(driver.GetRunResult(), output, generatorDiagnostics);
    }
}

internal sealed record GenerationResult(GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

    /// <summary>Compiles the output (warnings are errors) and loads it.</summary>
    public Assembly Load()
    {
        // Warnings-as-errors is for the generated C#; the generator's own warnings (content quality) don't block loading.
        var generatorErrors = GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        Assert.True(generatorErrors.Count == 0, "Generator errors:\n" + string.Join("\n", generatorErrors));
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, "Generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20))
            + "\n\n" + string.Join("\n\n", RunResult.GeneratedTrees.Select(t => t.FilePath + "\n" + t)));
        return Assembly.Load(stream.ToArray());
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
