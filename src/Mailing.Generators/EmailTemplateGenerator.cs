using System.Collections.Immutable;
using System.Linq;
using Mailing.Generators.Emitting;
using Mailing.Generators.Model;
using Mailing.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Mailing.Generators;

/// <summary>
/// Compiles <c>[EmailTemplate]</c> classes and their Scriban templates into C# render methods.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EmailTemplateGenerator : IIncrementalGenerator
{
    internal const string AttributeName = "Mailing.EmailTemplateAttribute";
    internal const string PreviewAttributeName = "Mailing.EmailPreviewAttribute";

    /// <summary>Names of the tracked steps, for caching tests.</summary>
    internal static class Steps
    {
        public const string Classes = "Mailing.Classes";
        public const string Files = "Mailing.Files";
        public const string Outputs = "Mailing.Outputs";
        public const string Sources = "Mailing.Sources";
        public const string Previews = "Mailing.Previews";
        public const string PreviewRegistry = "Mailing.PreviewRegistry";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeName, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.StructKeyword }, TemplateClassParser.Parse)
            .WithTrackingName(Steps.Classes);

        // Templates and the stylesheets they may link: an edit to either reaches every class, and a
        // class whose output is unchanged re-emits nothing.
        var files = context.AdditionalTextsProvider
            .Where(static file => AdditionalFile.KindOf(file.Path) is not null)
            .Select(static (file, cancellationToken) => new AdditionalFile(
                file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, AdditionalFile.KindOf(file.Path)!.Value))
            .Collect()
            .Select(static (all, _) => all.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(Steps.Files);

        var outputs = classes
            .Combine(files)
            .Select(static (pair, _) => TemplateCompiler.Compile(pair.Left, pair.Right.ToImmutableArray()))
            .WithTrackingName(Steps.Outputs);

        // Source and diagnostics travel separately: a diagnostic that only moved must not re-emit source.
        var sources = outputs
            .Select(static (output, _) => (output.HintName, output.Source))
            .WithTrackingName(Steps.Sources);

        context.RegisterSourceOutput(sources, static (spc, source) =>
        {
            if (source.Source is not null)
            {
                spc.AddSource(source.HintName, source.Source);
            }
        });

        context.RegisterSourceOutput(outputs.Select(static (output, _) => output.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        InitializePreviews(context);
    }

    private static void InitializePreviews(IncrementalGeneratorInitializationContext context)
    {
        var previews = context.SyntaxProvider
            .ForAttributeWithMetadataName(PreviewAttributeName, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax, PreviewMethodParser.Parse)
            .WithTrackingName(Steps.Previews);

        // Entries carry no locations: only adding, removing or changing a preview re-emits the registry.
        var registry = previews
            .Where(static preview => preview.Entry is not null)
            .Select(static (preview, _) => preview.Entry!)
            .Collect()
            .Select(static (entries, _) => entries.Sort().ToEquatableArray())
            .WithTrackingName(Steps.PreviewRegistry);

        context.RegisterSourceOutput(registry, static (spc, entries) =>
        {
            if (entries.Count > 0)
            {
                spc.AddSource(PreviewRegistryEmitter.HintName, PreviewRegistryEmitter.Emit(entries));
            }
        });

        context.RegisterSourceOutput(previews.Select(static (preview, _) => preview.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }
}
