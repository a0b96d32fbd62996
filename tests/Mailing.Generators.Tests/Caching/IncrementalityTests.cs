using System.Collections;
using System.Reflection;
using Mailing.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mailing.Generators.Tests.Caching;

/// <summary>The pipeline carries only values, and edits regenerate only what they touch.</summary>
public sealed class IncrementalityTests
{
    private const string Source = """
        namespace Shop
        {
            [global::Mailing.EmailTemplate("Templates/A.sbn-html", Subject = "A {{ name }}")]
            public partial class AEmail { public string Name { get; set; } = ""; }

            [global::Mailing.EmailTemplate("Templates/B.sbn-html")]
            public partial class BEmail { public int Count { get; set; } }
        }
        """;

    private static readonly string[] TrackedSteps =
    [
        EmailTemplateGenerator.Steps.Classes,
        EmailTemplateGenerator.Steps.Files,
        EmailTemplateGenerator.Steps.Outputs,
        EmailTemplateGenerator.Steps.Sources,
    ];

    [Fact]
    public void UnrelatedEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var (driver, compilation) = FirstRun();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "/project/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} was {output.Reason}");
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void EditingOneTemplate_RegeneratesOnlyThatTemplatesSource()
    {
        var (driver, compilation) = FirstRun();
        var oldA = Files[0];
        var newA = GeneratorHarness.Files(("Templates/A.sbn-html", "<p>Changed {{ name }}</p>"))[0];

        var result = driver.ReplaceAdditionalText(oldA, newA).RunGenerators(compilation).GetRunResult().Results.Single();

        AssertOnlyAEmailRegenerated(result);
        Assert.Contains("Changed ", result.GeneratedSources.Single(s => s.HintName == "Shop.AEmail.g.cs").SourceText.ToString());
    }

    [Fact]
    public void EditingALinkedStylesheet_RegeneratesOnlyTheTemplatesThatLinkIt()
    {
        var (driver, compilation) = FirstRun();
        var oldCss = Files[2];
        var newCss = GeneratorHarness.Files(("Templates/email.css", "p { color: #abcdef; }"))[0];

        var result = driver.ReplaceAdditionalText(oldCss, newCss).RunGenerators(compilation).GetRunResult().Results.Single();

        AssertOnlyAEmailRegenerated(result);
        Assert.Contains("color: #abcdef", result.GeneratedSources.Single(s => s.HintName == "Shop.AEmail.g.cs").SourceText.ToString());
    }

    [Fact]
    public void MovingTheClassDownALine_ReEmitsNoSource()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var moved = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("\n\n" + Source)));

        var result = driver.RunGenerators(moved).GetRunResult().Results.Single();

        // The class's location is part of its spec (diagnostics need it), so the spec changes...
        Assert.Contains(result.TrackedSteps[EmailTemplateGenerator.Steps.Classes].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // ...but the source travels separately and is equal, so nothing is re-emitted.
        Assert.All(result.TrackedSteps[EmailTemplateGenerator.Steps.Sources].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
    }

    [Fact]
    public void PipelineValues_HoldNoSymbolsNodesOrCompilations()
    {
        var (driver, _) = FirstRun();
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    [Fact]
    public void BulkTemplateWithUnsubscribeMembers_IsCachedAcrossAnUnrelatedEdit_AndHoldsNoRoslynObjects()
    {
        // The unsubscribe members are read with the semantic model (constant links are checked), yet the spec keeps only text.
        const string Bulk = """
            namespace Shop
            {
                [global::Mailing.EmailTemplate("Templates/B.sbn-html", Kind = global::Mailing.EmailKind.Bulk)]
                public partial class NewsEmail
                {
                    public int Count { get; set; }
                    [global::Mailing.UnsubscribeUrl] public string UnsubscribeUrl { get; init; } = "https://shop.example/unsubscribe";
                    [global::Mailing.UnsubscribeMailto] public global::System.Uri? Mailto { get; init; }
                }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(Bulk);
        var driver = GeneratorHarness.CreateDriver(Files, trackSteps: true).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        foreach (var output in driver.GetRunResult().Results.Single().TrackedSteps[EmailTemplateGenerator.Steps.Classes].SelectMany(s => s.Outputs))
        {
            AssertNoRoslynObjects(output.Value, EmailTemplateGenerator.Steps.Classes, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "/project/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}"));
        }
    }

    // A links the stylesheet, B does not.
    private static readonly System.Collections.Immutable.ImmutableArray<AdditionalText> Files = GeneratorHarness.Files(
        ("Templates/A.sbn-html", "<link rel=\"stylesheet\" href=\"email.css\"><p>{{ name }}</p>"),
        ("Templates/B.sbn-html", "<p>{{ count }}</p>"),
        ("Templates/email.css", "p { color: #123456; }"));

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = GeneratorHarness.CreateDriver(Files, trackSteps: true).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation);
    }

    private static void AssertOnlyAEmailRegenerated(GeneratorRunResult result)
    {
        var sources = result.TrackedSteps[EmailTemplateGenerator.Steps.Sources].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, sources.Count);
        var changed = sources.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((ValueTuple<string, string?>)o.Value).Item1).ToList();
        var kept = sources.Where(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached).Select(o => ((ValueTuple<string, string?>)o.Value).Item1).ToList();
        Assert.Equal(["Shop.AEmail.g.cs"], changed);
        Assert.Equal(["Shop.BEmail.g.cs"], kept);
    }

    internal static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel,
            $"{step} holds a {value.GetType().Name}, which keeps the compilation alive and defeats caching");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.FieldType.IsPointer)
            {
                AssertNoRoslynObjects(field.GetValue(value), step, seen);
            }
        }
    }
}
