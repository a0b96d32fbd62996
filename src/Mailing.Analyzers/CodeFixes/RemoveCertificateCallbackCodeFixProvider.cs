using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mailing.Analyzers.CodeFixes;

/// <summary>
/// Fixes MAIL0204 by removing the always-true certificate callback, which restores the
/// platform's certificate validation.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveCertificateCallbackCodeFixProvider)), Shared]
public sealed class RemoveCertificateCallbackCodeFixProvider : CodeFixProvider
{
    private const string Title = "Remove the callback that accepts every certificate";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.CertificateValidationDisabled.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment
                || !assignment.Right.Span.Contains(diagnostic.Location.SourceSpan)
                || !IsCallbackProperty(assignment.Left))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => RemoveAsync(context.Document, assignment, cancellationToken), equivalenceKey: nameof(RemoveCertificateCallbackCodeFixProvider)),
                diagnostic);
        }
    }

    private static bool IsCallbackProperty(ExpressionSyntax target) => target switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "ServerCertificateValidationCallback",
        IdentifierNameSyntax name => name.Identifier.ValueText == "ServerCertificateValidationCallback",
        _ => false,
    };

    private static async Task<Document> RemoveAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        SyntaxNode? removed = assignment.Parent switch
        {
            ExpressionStatementSyntax statement => root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia),
            InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) => root.RemoveNode(assignment, SyntaxRemoveOptions.KeepTrailingTrivia),
            _ => null,
        };

        return removed is null ? document : document.WithSyntaxRoot(removed);
    }
}
