using System.Globalization;
using System.Reflection;
using Mailing.Generators.Emitting;
using Mailing.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mailing.Generators.Tests.Previews;

/// <summary>[EmailPreview] methods become a generated registry that renders them with the compiled templates.</summary>
public sealed class PreviewRegistryTests
{
    private const string Source = """
        namespace Shop
        {
            public sealed record Order(string Number, decimal Total);

            [global::Mailing.EmailTemplate("Templates/Receipt.sbn-html", Subject = "Order {{ order.number }}")]
            public partial class ReceiptEmail
            {
                public Order Order { get; set; } = new("", 0m);

                [global::Mailing.EmailPreview("Big order", Description = "A total with thousands")]
                public static ReceiptEmail BigOrder() => new() { Order = new("1042", 1234.5m) };

                [global::Mailing.EmailPreview]
                internal static ReceiptEmail Empty() => new();
            }

            public static partial class Accounts
            {
                [global::Mailing.EmailTemplate(Html = "<p>Welcome, {{ name }}</p>", Subject = "Welcome")]
                public partial class WelcomeEmail
                {
                    public string Name { get; set; } = "";

                    [global::Mailing.EmailPreview]
                    public static WelcomeEmail Ann() => new() { Name = "Ann \"quoted\"" };
                }
            }
        }
        """;

    private static readonly (string Path, string Text)[] Templates =
        [("Templates/Receipt.sbn-html", "<p>Order {{ order.number }}: {{ order.total | math.format \"N2\" }}</p>")];

    [Fact]
    public void Registry_MatchesItsSnapshot()
    {
        var result = GeneratorHarness.Run(Source, Templates);

        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == PreviewRegistryEmitter.HintName).SourceText.ToString();
        source = source.Replace($"\"{ClassEmitter.GeneratorVersion}\"", "\"{Version}\"", StringComparison.Ordinal);
        Snapshot.Match($"//HintName: {PreviewRegistryEmitter.HintName}\n{source}", $"{nameof(PreviewRegistryTests)}.{nameof(Registry_MatchesItsSnapshot)}#Mailing.EmailPreviews.{{kind}}.cs");
    }

    [Fact]
    public void Registry_CompilesWithWarningsAsErrors_AndRegistersItselfInTheCatalog()
    {
        var assembly = GeneratorHarness.Run(Source, Templates).Load();

        var previews = Previews(assembly);

        Assert.Equal(["Accounts.WelcomeEmail/Ann", "ReceiptEmail/BigOrder", "ReceiptEmail/Empty"], previews.Select(p => $"{p.TemplateName}/{p.Name}"));
        Assert.Equal(["Ann", "Big order", "Empty"], previews.Select(p => p.DisplayName));
        Assert.Equal("A total with thousands", previews[1].Description);
        Assert.Contains(EmailPreviewCatalog.Sources, source => source.GetType().Assembly == assembly);
    }

    [Fact]
    public void Preview_RendersThroughTheRegistry_InTheChosenCulture()
    {
        var bigOrder = Previews(GeneratorHarness.Run(Source, Templates).Load()).Single(p => p.Name == "BigOrder");

        var german = bigOrder.Render(CultureInfo.GetCultureInfo("de-DE"));
        var invariant = bigOrder.Render();

        Assert.Equal("Order 1042", german.Subject);
        Assert.Contains("1.234,50", german.Html, StringComparison.Ordinal);
        Assert.Contains("1,234.50", invariant.Html, StringComparison.Ordinal);
        Assert.Equal("ReceiptEmail", bigOrder.Create().GetType().Name);
    }

    [Fact]
    public void NoPreviews_NoRegistry()
    {
        var result = GeneratorHarness.Run(
            """
            [global::Mailing.EmailTemplate(Html = "<p>Hi</p>")]
            public partial class PlainEmail { }
            """);

        Assert.DoesNotContain(result.RunResult.Results.Single().GeneratedSources, s => s.HintName == PreviewRegistryEmitter.HintName);
    }

    [Fact]
    public void InstanceMethod_IsMAIL0015_AtTheMethodName()
    {
        var diagnostic = Single(RunPreview("public ReceiptEmail Sample() => new();"), "MAIL0015");

        AssertAt(diagnostic, 9, 29);
        Assert.Contains("'Sample' must be static", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void MethodWithParameters_IsMAIL0016_AtTheParameterList()
    {
        AssertAt(Single(RunPreview("public static ReceiptEmail Sample(int count) => new();"), "MAIL0016"), 9, 42);
    }

    [Fact]
    public void GenericMethod_IsMAIL0016()
    {
        Single(RunPreview("public static ReceiptEmail Sample<T>() => new();"), "MAIL0016");
    }

    [Fact]
    public void MethodReturningAnotherType_IsMAIL0017_AtTheReturnType()
    {
        var diagnostic = Single(RunPreview("public static global::Mailing.IEmailTemplate Sample() => new ReceiptEmail();"), "MAIL0017");

        AssertAt(diagnostic, 9, 23);
        Assert.Contains("returns Mailing.IEmailTemplate; it must return a filled ReceiptEmail", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void PreviewInAClassWithoutEmailTemplate_IsMAIL0018()
    {
        var result = GeneratorHarness.Run(
            """
            namespace Shop
            {
                public class Samples
                {
                    [global::Mailing.EmailPreview]
                    public static Samples Sample() => new();
                }
            }
            """);

        var diagnostic = Single(result.GeneratorDiagnostics, "MAIL0018");
        AssertAt(diagnostic, 6, 31);
        Assert.Contains("'Samples', which has no [EmailTemplate]", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(result.RunResult.Results.Single().GeneratedSources, s => s.HintName == PreviewRegistryEmitter.HintName);
    }

    [Fact]
    public void PreviewOfATemplateClassThatIsNotPartial_IsLeftOut_SoMAIL0007IsTheOnlyError()
    {
        var result = GeneratorHarness.Run(
            """
            [global::Mailing.EmailTemplate(Html = "<p>Hi</p>")]
            public class PlainEmail
            {
                [global::Mailing.EmailPreview]
                public static PlainEmail Sample() => new();
            }
            """);

        Assert.Equal(["MAIL0007"], result.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void PrivateMethod_IsMAIL0019()
    {
        Single(RunPreview("private static ReceiptEmail Sample() => new();"), "MAIL0019");
    }

    [Fact]
    public void InvalidPreview_IsLeftOut_ValidOnesStillRegister()
    {
        var result = GeneratorHarness.Run(Source.Replace("public static WelcomeEmail Ann()", "public WelcomeEmail Ann()", StringComparison.Ordinal), Templates);

        var registry = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == PreviewRegistryEmitter.HintName).SourceText.ToString();
        Assert.Contains("BigOrder()", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann()", registry, StringComparison.Ordinal);
        Assert.Equal(["MAIL0015"], result.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void UnrelatedEdit_LeavesThePreviewStepsCached()
    {
        var (driver, compilation) = FirstRun();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "/project/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertNotRerun(result, EmailTemplateGenerator.Steps.Previews);
        AssertNotRerun(result, EmailTemplateGenerator.Steps.PreviewRegistry);
    }

    [Fact]
    public void PreviewPipelineValues_HoldNoSymbolsNodesOrCompilations()
    {
        var (driver, _) = FirstRun();
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in new[] { EmailTemplateGenerator.Steps.Previews, EmailTemplateGenerator.Steps.PreviewRegistry })
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Caching.IncrementalityTests.AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    [Fact]
    public void MovingAPreviewDownALine_DoesNotChangeTheRegistry()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var moved = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("\n\n" + Source)));

        var result = driver.RunGenerators(moved).GetRunResult().Results.Single();

        AssertNotRerun(result, EmailTemplateGenerator.Steps.PreviewRegistry);
    }

    [Fact]
    public void AddingAPreview_ChangesTheRegistry()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var added = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Source.Replace(
            "internal static ReceiptEmail Empty() => new();",
            "internal static ReceiptEmail Empty() => new();\n\n        [global::Mailing.EmailPreview]\n        internal static ReceiptEmail Other() => new();",
            StringComparison.Ordinal))));

        var result = driver.RunGenerators(added).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[EmailTemplateGenerator.Steps.PreviewRegistry].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("ReceiptEmail.Other()", result.GeneratedSources.Single(s => s.HintName == PreviewRegistryEmitter.HintName).SourceText.ToString(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<EmailPreview> Previews(Assembly assembly)
    {
        var registry = assembly.GetType("Mailing.Generated.EmailPreviews", throwOnError: true)!;
        var source = (IEmailPreviewSource)registry.GetProperty("Instance")!.GetValue(null)!;
        return source.Previews;
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Files(Templates), trackSteps: true).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation);
    }

    private static void AssertNotRerun(GeneratorRunResult result, string step)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
    }

    /// <summary>One preview method in a valid template class; the method's line is line 9.</summary>
    private static IReadOnlyList<Diagnostic> RunPreview(string method) =>
        GeneratorHarness.Run(
            $$"""
            namespace Shop
            {
                [global::Mailing.EmailTemplate(Html = "<p>Hi</p>")]
                public partial class ReceiptEmail
                {
                    public string Name { get; set; } = "";

                    [global::Mailing.EmailPreview]
                    {{method}}
                }
            }
            """).GeneratorDiagnostics;

    private static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string id)
    {
        var list = diagnostics.ToList();
        var matching = list.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: " + string.Join("\n", list));
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(
            span.StartLinePosition.Line + 1 == line && span.StartLinePosition.Character + 1 == column,
            $"Expected ({line},{column}) but got ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic}");
    }
}
