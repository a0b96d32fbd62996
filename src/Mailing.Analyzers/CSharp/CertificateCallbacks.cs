using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>Recognises certificate validation callbacks that accept every certificate.</summary>
internal static class CertificateCallbacks
{
    /// <summary>
    /// True for a lambda, anonymous method or method group whose whole body is <c>return true</c>.
    /// A callback that looks at its arguments first is a decision, not a bypass, and stays silent.
    /// </summary>
    public static bool AcceptsEverything(IOperation value, System.Threading.CancellationToken cancellationToken)
    {
        var target = ConstantValues.Unwrap(value);
        if (target is IDelegateCreationOperation creation)
        {
            target = creation.Target;
        }

        switch (target)
        {
            case IAnonymousFunctionOperation { Syntax: var syntax }:
                return syntax switch
                {
                    LambdaExpressionSyntax { ExpressionBody: { } expression } => IsTrue(expression),
                    LambdaExpressionSyntax { Block: { } block } => ReturnsOnlyTrue(block),
                    AnonymousMethodExpressionSyntax { Block: { } block } => ReturnsOnlyTrue(block),
                    _ => false,
                };

            case IMethodReferenceOperation { Method: var method }:
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    var (body, expressionBody) = declaration switch
                    {
                        MethodDeclarationSyntax m => (m.Body, m.ExpressionBody),
                        LocalFunctionStatementSyntax l => (l.Body, l.ExpressionBody),
                        _ => (null, null),
                    };
                    if ((expressionBody is not null && IsTrue(expressionBody.Expression)) || (body is not null && ReturnsOnlyTrue(body)))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool ReturnsOnlyTrue(BlockSyntax block)
        => block.Statements.Count == 1 && block.Statements[0] is ReturnStatementSyntax { Expression: { } expression } && IsTrue(expression);

    private static bool IsTrue(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression.IsKind(SyntaxKind.TrueLiteralExpression);
    }
}
