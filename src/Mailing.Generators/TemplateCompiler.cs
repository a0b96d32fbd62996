using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mailing.Generators.Binding;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Emitting;
using Mailing.Generators.Model;
using Mailing.Generators.Parsing;
using Mailing.Generators.Transforming;
using Microsoft.CodeAnalysis;
using Scriban.Syntax;

namespace Mailing.Generators;

/// <summary>
/// One class from spec to source: resolve files, compose, parse, bind, transform, emit. Pure: the
/// same spec and files always give the same output.
/// </summary>
internal static class TemplateCompiler
{
    public static TemplateOutput Compile(TemplateClassSpec spec, ImmutableArray<AdditionalFile> files)
    {
        var diagnostics = new List<DiagnosticInfo>(spec.ClassDiagnostics);
        if (diagnostics.Any(d => DiagnosticDescriptors.Find(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new TemplateOutput(spec.HintName, null, diagnostics.ToEquatableArray());
        }

        diagnostics.AddRange(spec.DeliverabilityDiagnostics);

        // From here on the class itself is fine: on template errors it still gets its members, so
        // the build shows the template error alone instead of a cascade of "no Render()" errors.

        var resolver = new AdditionalFileResolver(files);
        var html = Resolve(spec.Html, "HTML template", resolver, diagnostics);
        var layout = spec.LayoutPath is null ? null : Resolve(new TemplateReference(spec.LayoutPath, null, spec.LayoutLocation, null), "Layout", resolver, diagnostics);
        var text = spec.Text is null ? null : Resolve(spec.Text, "Text template", resolver, diagnostics);
        var subject = spec.Subject is null ? null : TemplateSource.FromInline(spec.Subject);
        if (html is null || (spec.LayoutPath is not null && layout is null) || (spec.Text is not null && text is null))
        {
            return Failed(spec, diagnostics);
        }

        var indent = (spec.Namespace is null ? 0 : 1) + spec.ContainingTypes.Count + 2;
        var htmlComposed = new TemplateComposer(resolver, diagnostics, spec.AttributeLocation).Compose(html, layout);
        var textComposed = text is null ? null : new TemplateComposer(resolver, diagnostics, spec.AttributeLocation).Compose(text, null);
        var subjectComposed = subject is null ? null : new TemplateComposer(resolver, diagnostics, spec.AttributeLocation).Compose(subject, null);
        if (htmlComposed is null || (text is not null && textComposed is null) || (subject is not null && subjectComposed is null))
        {
            return Failed(spec, diagnostics);
        }

        var errorsBefore = CountErrors(diagnostics);
        var htmlBody = Emit(spec, htmlComposed.Text, htmlComposed.Map, isHtml: true, indent, diagnostics, htmlComposed.Splices);
        var textBody = textComposed is null ? null : Emit(spec, textComposed.Text, textComposed.Map, isHtml: false, indent, diagnostics, textComposed.Splices);
        var subjectBody = subjectComposed is null ? null : Emit(spec, subjectComposed.Text, subjectComposed.Map, isHtml: false, indent, diagnostics, subjectComposed.Splices);
        if (CountErrors(diagnostics) > errorsBefore || htmlBody is null)
        {
            return Failed(spec, diagnostics);
        }

        var transformed = HtmlTemplateTransform.Apply(
            htmlComposed.Text,
            new TransformOptions(
                spec.InlineCss,
                spec.Html.Path is null ? null : html.FilePath,
                HasTextTemplate: text is not null,
                Stylesheets: (href, offset) => resolver.FindStylesheet(href, htmlComposed.Map.SourceAt(offset)?.RelativePathBase)));
        foreach (var finding in transformed.Findings)
        {
            var location = htmlComposed.Map.Locate(finding.Offset, finding.Length, spec.AttributeLocation);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Find(finding.DiagnosticId), location, finding.Message));
        }

        if (transformed.HtmlTemplate != htmlComposed.Text)
        {
            // Positions in the transformed text no longer match the files: report at the attribute.
            var transformedDiagnostics = new List<DiagnosticInfo>();
            htmlBody = Emit(spec, transformed.HtmlTemplate, null, isHtml: true, indent, transformedDiagnostics);
            diagnostics.AddRange(transformedDiagnostics.Where(d => d.Id != DiagnosticDescriptors.RawOutput.Id));
        }

        if (text is null && transformed.DerivedTextTemplate is { } derived)
        {
            var derivedDiagnostics = new List<DiagnosticInfo>();
            textBody = Emit(spec, derived, null, isHtml: false, indent, derivedDiagnostics);
            diagnostics.AddRange(derivedDiagnostics);
        }

        if (CountErrors(diagnostics) > errorsBefore || htmlBody is null)
        {
            return Failed(spec, diagnostics);
        }

        var source = ClassEmitter.Emit(spec, htmlBody, textBody, subjectBody);
        return new TemplateOutput(spec.HintName, source, diagnostics.ToEquatableArray());
    }

    private static TemplateOutput Failed(TemplateClassSpec spec, List<DiagnosticInfo> diagnostics) =>
        new(spec.HintName, ClassEmitter.EmitUnavailable(spec), diagnostics.ToEquatableArray());

    private static int CountErrors(List<DiagnosticInfo> diagnostics) =>
        diagnostics.Count(d => DiagnosticDescriptors.Find(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    private static TemplateSource? Resolve(TemplateReference reference, string what, AdditionalFileResolver resolver, List<DiagnosticInfo> diagnostics)
    {
        if (reference.Path is null)
        {
            return reference.InlineText is null ? null : TemplateSource.FromInline(reference);
        }

        var file = resolver.FindProjectFile(reference.Path);
        if (file is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TemplateFileNotFound,
                reference.Location,
                what,
                reference.Path,
                "; check the path (relative to the project) and that the file is an AdditionalFiles item"));
            return null;
        }

        return TemplateSource.FromFile(file);
    }

    private static string? Emit(TemplateClassSpec spec, string text, SourceMap? map, bool isHtml, int indent, List<DiagnosticInfo> diagnostics, EquatableArray<SpliceRegion> splices = default)
    {
        var template = TemplateParser.Parse(text, null);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                var location = map?.Locate(message.Span.Start.Offset, TemplateParser.Length(message.Span), spec.AttributeLocation) ?? spec.AttributeLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateSyntaxError, location, message.Message));
            }

            return null;
        }

        void Report(DiagnosticDescriptor descriptor, ScriptNode? node, string[] args)
        {
            var location = node is null ? spec.AttributeLocation : map?.Locate(node.Span.Start.Offset, TemplateParser.Length(node.Span), spec.AttributeLocation) ?? spec.AttributeLocation;
            diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
        }

        // A first pass learns each variable's final type (numbers widen), so the real pass can
        // declare it that way before its first use.
        var firstPass = new ExpressionBinder(spec.Types, spec.ModelTypeName, isHtml, static (_, _, _) => { });
        TemplateEmitter.Emit(template.Page!, firstPass, indent, splices);
        var variableTypes = firstPass.Globals.ToDictionary(g => g.Name, g => g.Type);
        var binder = new ExpressionBinder(spec.Types, spec.ModelTypeName, isHtml, Report, variableTypes);
        return TemplateEmitter.Emit(template.Page!, binder, indent, splices);
    }
}
