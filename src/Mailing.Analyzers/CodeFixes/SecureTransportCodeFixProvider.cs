using System;
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
/// The analyzer attaches the edits, so the fix only applies them: it replaces expressions, and adds
/// members to an object initializer for settings the code never wrote.
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
        var changes = edits.Select(e => FixEdit.Text(e.Replacement)).ToList();
        if (edits[0].Replacement == FixEdit.AddEnableSsl)
        {
            return "Set EnableSsl = true";
        }

        if (edits[0].Replacement is FixEdit.SubmissionPort or FixEdit.AddSubmissionPort)
        {
            return changes.Count == 1 ? "Use port 587" : "Use port 587 with STARTTLS";
        }

        // A bare true in MAIL0203 is MailKit's or FluentEmail's useSsl (implicit TLS); elsewhere it is EnableSsl (STARTTLS).
        var implicitTls = changes.Any(c => c.EndsWith(FixEdit.MailKitSslOnConnect, StringComparison.Ordinal) || c.EndsWith(FixEdit.MailingImplicitTls, StringComparison.Ordinal))
            || (changes[0] == FixEdit.True && id == DiagnosticDescriptors.PortTlsMismatch.Id);
        return implicitTls ? "Use implicit TLS" : "Require STARTTLS";
    }

    /// <summary>Adds member assignments to the creation's initializer, creating the initializer when there is none.</summary>
    private static SyntaxNode WithMembers(BaseObjectCreationExpressionSyntax creation, List<string> members)
    {
        if (creation.Initializer is { } initializer)
        {
            var assignments = members.Select(m => Simplifiable(SyntaxFactory.ParseExpression(m))).ToArray();
            return creation.WithInitializer(initializer.AddExpressions(assignments)).WithAdditionalAnnotations(Formatter.Annotation);
        }

        // Parsed rather than formatted: the formatter would put the new braces on lines of their own.
        var withInitializer = (BaseObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression(creation.WithoutTrivia().ToFullString() + " { " + string.Join(", ", members) + " }");
        return withInitializer
            .ReplaceNodes(withInitializer.Initializer!.Expressions, (_, assignment) => Simplifiable(assignment))
            .WithTriviaFrom(creation);
    }

    /// <summary>Lets the simplifier shorten the assigned value (<c>MailKit.Security.SecureSocketOptions.StartTls</c>) where a using allows.</summary>
    private static ExpressionSyntax Simplifiable(ExpressionSyntax member)
        => member is AssignmentExpressionSyntax assignment
            ? assignment.WithRight(assignment.Right.WithAdditionalAnnotations(Simplifier.Annotation))
            : member;

    private static async Task<Document> ApplyAsync(Document document, List<FixEdit> edits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var additions = new Dictionary<SyntaxNode, List<string>>();
        foreach (var edit in edits)
        {
            var node = root.FindNode(edit.Location.SourceSpan, getInnermostNodeForTie: true);
            if (FixEdit.IsAddition(edit.Replacement))
            {
                if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation)
                {
                    if (!additions.TryGetValue(creation, out var members))
                    {
                        additions[creation] = members = [];
                    }

                    members.Add(FixEdit.Text(edit.Replacement));
                }

                continue;
            }

            if (node is ExpressionSyntax expression && expression.Span == edit.Location.SourceSpan)
            {
                replacements[expression] = SyntaxFactory.ParseExpression(edit.Replacement)
                    .WithTriviaFrom(expression)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
            }
        }

        // A value replaced inside a creation that also gains members is rewritten first, so the
        // creation is extended from its rewritten form.
        return replacements.Count + additions.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(
                replacements.Keys.Concat(additions.Keys),
                (original, rewritten) => replacements.TryGetValue(original, out var replacement)
                    ? replacement
                    : WithMembers((BaseObjectCreationExpressionSyntax)rewritten, additions[original])));
    }
}
