using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mailing.Generators.Parsing;

/// <summary>
/// Finds a template class's <c>[UnsubscribeUrl]</c> and <c>[UnsubscribeMailto]</c> members and checks the bulk-mail
/// rule: a bulk template must have an https unsubscribe link (MAIL0020), a constant link must be https (MAIL0021),
/// and the members must be readable URIs or strings, one of each at most (MAIL0022).
/// </summary>
internal static class UnsubscribeMemberParser
{
    private const string UrlAttributeName = "Mailing.UnsubscribeUrlAttribute";
    private const string MailtoAttributeName = "Mailing.UnsubscribeMailtoAttribute";
    private const string UrlAttributeShortName = "[UnsubscribeUrl]";
    private const string MailtoAttributeShortName = "[UnsubscribeMailto]";

    public static UnsubscribeSpec? Parse(
        INamedTypeSymbol type,
        bool isBulk,
        LocationInfo? classLocation,
        SemanticModel semanticModel,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var urls = MarkedMembers(type, UrlAttributeName);
        var mailtos = MarkedMembers(type, MailtoAttributeName);
        ReportExtra(type, urls, UrlAttributeShortName, classLocation, diagnostics);
        ReportExtra(type, mailtos, MailtoAttributeShortName, classLocation, diagnostics);

        if (urls.Count == 0)
        {
            if (mailtos.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidUnsubscribeMember,
                    LocationOf(mailtos[0], classLocation),
                    $"{MailtoAttributeShortName} '{mailtos[0].Name}' needs a member marked {UrlAttributeShortName} too: one-click unsubscribe needs an https link, a mailto address is only an extra"));
            }

            if (isBulk)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BulkWithoutUnsubscribe, classLocation, type.Name));
            }

            return null;
        }

        var url = urls[0];
        var urlIsString = CheckMember(type, url, UrlAttributeShortName, classLocation, diagnostics);
        if (urlIsString is null)
        {
            return null;
        }

        if (ConstantValue(url, semanticModel, cancellationToken) is { } constant && !IsHttps(constant.Value))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsubscribeUrlNotHttps, constant.Location ?? LocationOf(url, classLocation), constant.Value));
        }

        string? mailtoAccess = null;
        string? mailtoMember = null;
        var mailtoIsString = false;
        if (mailtos.Count > 0)
        {
            var mailto = mailtos[0];
            if (CheckMember(type, mailto, MailtoAttributeShortName, classLocation, diagnostics) is { } isString)
            {
                mailtoAccess = Access(type, mailto);
                mailtoMember = $"{type.Name}.{mailto.Name}";
                mailtoIsString = isString;
                if (ConstantValue(mailto, semanticModel, cancellationToken) is { } mailtoConstant && !IsMailto(mailtoConstant.Value))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidUnsubscribeMember,
                        mailtoConstant.Location ?? LocationOf(mailto, classLocation),
                        $"The unsubscribe mailto address \"{mailtoConstant.Value}\" is not a mailto: URI: write e.g. \"mailto:unsubscribe@shop.example\""));
                }
            }
        }

        return new UnsubscribeSpec(Access(type, url), urlIsString.Value, $"{type.Name}.{url.Name}", mailtoAccess, mailtoIsString, mailtoMember);
    }

    private static List<ISymbol> MarkedMembers(INamedTypeSymbol type, string attributeName)
    {
        var marked = new List<ISymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared || !seen.Add(member.Name))
                {
                    continue;
                }

                if (member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attributeName))
                {
                    marked.Add(member);
                }
            }
        }

        return marked;
    }

    private static void ReportExtra(INamedTypeSymbol type, List<ISymbol> members, string attribute, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics)
    {
        foreach (var extra in members.Skip(1))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidUnsubscribeMember,
                LocationOf(extra, classLocation),
                $"'{type.Name}' has more than one {attribute} member ('{members[0].Name}' and '{extra.Name}'): a message has one unsubscribe link, keep one"));
        }
    }

    /// <summary>Whether the member can be read as a link: <see langword="true"/> for a string, <see langword="false"/> for a Uri, <see langword="null"/> (reported) otherwise.</summary>
    private static bool? CheckMember(INamedTypeSymbol type, ISymbol member, string attribute, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics)
    {
        var (memberType, readable) = member switch
        {
            IPropertySymbol property => (property.Type, property.GetMethod is not null && !property.IsIndexer),
            IFieldSymbol field => (field.Type, true),
            _ => (null, false),
        };

        if (!readable)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidUnsubscribeMember,
                LocationOf(member, classLocation),
                $"{attribute} '{member.Name}' cannot be read: give the property a getter (an indexer cannot be an unsubscribe link)"));
            return null;
        }

        var name = memberType?.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
        if (memberType?.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        if (name == "System.Uri")
        {
            return false;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.InvalidUnsubscribeMember,
            LocationOf(member, classLocation),
            $"{attribute} '{type.Name}.{member.Name}' is of type {name}; it must be a System.Uri or a string holding the link"));
        return null;
    }

    private static string Access(INamedTypeSymbol type, ISymbol member)
    {
        var name = SyntaxFacts.GetKeywordKind(member.Name) == SyntaxKind.None ? member.Name : "@" + member.Name;

        // Inside the class its own simple name always means the class: no member may share it.
        return member.IsStatic ? $"{type.Name}.{name}" : $"this.{name}";
    }

    private static LocationInfo? LocationOf(ISymbol member, LocationInfo? fallback) =>
        LocationInfo.From(member.Locations.FirstOrDefault(l => l.IsInSource)) ?? fallback;

    /// <summary>
    /// The text of a link written as a constant: a const field, an initializer, or a getter that returns a string
    /// constant or <c>new Uri("...")</c>; <see langword="null"/> when the value is only known at run time.
    /// </summary>
    private static (string Value, LocationInfo? Location)? ConstantValue(ISymbol member, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var expression = node switch
            {
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression ?? GetterResult(property),
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                _ => null,
            };

            if (expression is null)
            {
                continue;
            }

            var model = node.SyntaxTree == semanticModel.SyntaxTree ? semanticModel : semanticModel.Compilation.GetSemanticModel(node.SyntaxTree);
            if (model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string text })
            {
                return (text, LocationInfo.From(expression.GetLocation()));
            }

            if (expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } creation
                && model.GetTypeInfo(creation, cancellationToken).Type?.ToDisplayString() == "System.Uri"
                && model.GetConstantValue(arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string uriText })
            {
                return (uriText, LocationInfo.From(arguments[0].Expression.GetLocation()));
            }
        }

        return null;
    }

    private static ExpressionSyntax? GetterResult(PropertyDeclarationSyntax property)
    {
        var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
        if (getter?.ExpressionBody is { } arrow)
        {
            return arrow.Expression;
        }

        return getter?.Body?.Statements is [ReturnStatementSyntax { Expression: { } returned }] ? returned : null;
    }

    private static bool IsHttps(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == "https";

    private static bool IsMailto(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == "mailto" && value.IndexOf('@') > 0;
}
