using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mailing.Generators.Parsing;

/// <summary>Reads an <c>[EmailTemplate]</c> class into a <see cref="TemplateClassSpec"/>.</summary>
internal static class TemplateClassParser
{
    public static TemplateClassSpec Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var attributeLocation = LocationInfo.From(attributeSyntax?.GetLocation() ?? syntax.Identifier.GetLocation());
        var classLocation = LocationInfo.From(syntax.Identifier.GetLocation());
        var diagnostics = new List<DiagnosticInfo>();

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, classLocation, type.Name));
        }

        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassIsGeneric, classLocation, type.Name));
        }

        var containing = new List<string>();
        for (var parent = syntax.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
        {
            if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, classLocation, type.Name, parent.Identifier.Text));
            }

            var keyword = parent switch
            {
                RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                _ => parent.Keyword.Text,
            };
            containing.Insert(0, $"partial {keyword} {parent.Identifier.Text}{parent.TypeParameterList}");
        }

        string? htmlPath = null;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string path)
        {
            htmlPath = path;
        }

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        string? Named(string key) => named.TryGetValue(key, out var value) ? value.Value as string : null;

        var html = Reference(htmlPath, Named("Html"), attributeSyntax, htmlPath is not null ? null : "Html", attributeLocation);
        if (htmlPath is null && Named("Html") is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoTemplate, attributeLocation, type.Name));
        }

        var subject = Named("Subject") is { } subjectText ? Reference(null, subjectText, attributeSyntax, "Subject", attributeLocation) : null;
        var text = Named("TextTemplate") is { } textPath
            ? Reference(textPath, null, attributeSyntax, "TextTemplate", attributeLocation)
            : Named("Text") is { } inlineText ? Reference(null, inlineText, attributeSyntax, "Text", attributeLocation) : null;
        var layout = Named("Layout");
        var inlineCss = !(named.TryGetValue("CssInlining", out var css) && css.Value is int mode && mode == 1);

        // EmailKind.Bulk = 1; the attribute stores the enum as its underlying value.
        var isBulk = named.TryGetValue("Kind", out var kind) && kind.Value is int kindValue && kindValue == 1;
        var deliverability = new List<DiagnosticInfo>();
        var unsubscribe = UnsubscribeMemberParser.Parse(type, isBulk, classLocation, context.SemanticModel, deliverability, cancellationToken);

        var (root, types) = ModelShapeBuilder.Build(type);
        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var hintName = string.Join(".", new[] { ns }.Concat(TypeNames(type)).Where(n => n is not null)) + ".g.cs";

        return new TemplateClassSpec(
            ns,
            type.Name,
            syntax is RecordDeclarationSyntax ? "record" : "class",
            hintName,
            containing.ToEquatableArray(),
            root,
            types,
            html,
            subject,
            text,
            layout,
            layout is null ? null : ArgumentLocation(attributeSyntax, "Layout") ?? attributeLocation,
            inlineCss,
            attributeLocation,
            diagnostics.ToEquatableArray(),
            isBulk,
            unsubscribe,
            deliverability.ToEquatableArray());
    }

    private static IEnumerable<string> TypeNames(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        return names;
    }

    private static TemplateReference Reference(string? path, string? inline, AttributeSyntax? syntax, string? argumentName, LocationInfo? fallback)
    {
        LocationInfo? location = null;
        int? textOffset = null;
        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a =>
            argumentName is null ? a.NameEquals is null : a.NameEquals?.Name.Identifier.Text == argumentName);
        if (argument is not null)
        {
            location = LocationInfo.From(argument.Expression.GetLocation());
            if (inline is not null && argument.Expression is LiteralExpressionSyntax { Token: var token }
                && token.Text.Length == inline.Length + 2 && token.Text[0] == '"')
            {
                // No escapes and no verbatim prefix: every character of the value sits at token + 1 + i.
                textOffset = token.SpanStart + 1;
            }
        }

        return new TemplateReference(path, inline, location ?? fallback, textOffset);
    }

    private static LocationInfo? ArgumentLocation(AttributeSyntax? syntax, string name) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name) is { } argument
            ? LocationInfo.From(argument.Expression.GetLocation())
            : null;
}
