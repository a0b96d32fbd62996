using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mailing.Generators.Parsing;

/// <summary>Checks an <c>[EmailPreview]</c> method's shape and reads it into a <see cref="PreviewMethodSpec"/>.</summary>
internal static class PreviewMethodParser
{
    public static PreviewMethodSpec Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var type = method.ContainingType;
        var diagnostics = new List<DiagnosticInfo>();
        var at = LocationInfo.From(syntax.Identifier.GetLocation());

        var isTemplate = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == EmailTemplateGenerator.AttributeName);
        if (!isTemplate)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewOutsideTemplate, at, method.Name, type.Name));
        }

        if (!method.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewNotStatic, at, method.Name));
        }

        if (method.Parameters.Length > 0 || method.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewHasParameters, LocationInfo.From(syntax.ParameterList.GetLocation()) ?? at, method.Name));
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, type))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PreviewReturnsOtherType, LocationInfo.From(syntax.ReturnType.GetLocation()) ?? at, method.Name, method.ReturnType.ToDisplayString(), type.Name));
        }

        if (!IsVisibleInAssembly(method))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PreviewNotAccessible, at, method.Name));
        }

        // A class the generator cannot extend (MAIL0007-MAIL0009) does not implement IEmailTemplate: its previews are
        // left out, so the build shows that error alone instead of one more from the registry.
        if (diagnostics.Count > 0 || (isTemplate && !CanBeExtended(type, cancellationToken)))
        {
            return new PreviewMethodSpec(null, diagnostics.ToEquatableArray());
        }

        var attribute = context.Attributes[0];
        var displayName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var description = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string;
        var entry = new PreviewEntry(
            TemplateNameOf(type),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            method.Name,
            displayName,
            description);
        return new PreviewMethodSpec(entry, diagnostics.ToEquatableArray());
    }

    private static bool CanBeExtended(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType || current.DeclaringSyntaxReferences.Any(r =>
                r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                return false;
            }
        }

        return true;
    }

    private static string TemplateNameOf(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        return string.Join(".", names);
    }

    // The registry is another class of the same assembly: it can call internal and public members only.
    private static bool IsVisibleInAssembly(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
