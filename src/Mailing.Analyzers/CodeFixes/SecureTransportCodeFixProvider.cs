using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Mailing.Analyzers.CodeFixes;

/// <summary>
/// Fixes MAIL0201 (port 25 → 587, with STARTTLS where the code names a mode), MAIL0202 (plain or
/// opportunistic → STARTTLS, <c>EnableSsl = true</c>) and MAIL0203 (the mode the port expects).
/// The analyzer attaches the edits, so the fix only applies them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecureTransportCodeFixProvider)), Shared]
public sealed class SecureTransportCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.Port25.Id,
        DiagnosticDescriptors.NoTls.Id,
        DiagnosticDescriptors.PortTlsMismatch.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var edits = EditsOf(diagnostic);
            if (edits.Count == 0 || edits.Any(e => e.Location.SourceTree != diagnostic.Location.SourceTree))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(diagnostic.Id, edits),
                    cancellationToken => ApplyAsync(context.Document, edits, cancellationToken),
                    equivalenceKey: diagnostic.Id),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static List<FixEdit> EditsOf(Diagnostic diagnostic)
    {
        var edits = new List<FixEdit>();
        for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
        {
            if (!diagnostic.Properties.TryGetValue(FixEdit.PropertyName(i), out var replacement) || replacement is null)
            {
                return [];
            }

            edits.Add(new FixEdit(diagnostic.AdditionalLocations[i], replacement));
        }

        return edits;
    }

    private static string Title(string id, List<FixEdit> edits)
    {
        if (edits[0].Replacement == FixEdit.AddEnableSsl)
        {
            return "Set EnableSsl = true";
        }

        if (edits[0].Replacement == FixEdit.SubmissionPort)
        {
            return edits.Count == 1 ? "Use port 587" : "Use port 587 with STARTTLS";
        }

        // A bare true in MAIL0203 is MailKit's useSsl (implicit TLS); elsewhere it is EnableSsl (STARTTLS).
        var implicitTls = edits[0].Replacement is FixEdit.MailKitSslOnConnect or FixEdit.MailingImplicitTls
            || (edits[0].Replacement == FixEdit.True && id == DiagnosticDescriptors.PortTlsMismatch.Id);
        return implicitTls ? "Use implicit TLS" : "Require STARTTLS";
    }

    private static SyntaxNode WithEnableSsl(BaseObjectCreationExpressionSyntax creation)
    {
        var enableSsl = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("EnableSsl"),
            SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
        if (creation.Initializer is { } initializer)
        {
            return creation.WithInitializer(initializer.AddExpressions(enableSsl)).WithAdditionalAnnotations(Formatter.Annotation);
        }

        var withInitializer = SyntaxFactory.ParseExpression(creation.WithoutTrivia().ToFullString() + " { EnableSsl = true }");
        return withInitializer.WithTriviaFrom(creation);
    }

    private static async Task<Document> ApplyAsync(Document document, List<FixEdit> edits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var edit in edits)
        {
            if (edit.Replacement == FixEdit.AddEnableSsl)
            {
                if (root.FindNode(edit.Location.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation)
                {
                    replacements[creation] = WithEnableSsl(creation);
                }

                continue;
            }

            if (root.FindNode(edit.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression
                && expression.Span == edit.Location.SourceSpan)
            {
                replacements[expression] = SyntaxFactory.ParseExpression(edit.Replacement)
                    .WithTriviaFrom(expression)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
            }
        }

        return replacements.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
