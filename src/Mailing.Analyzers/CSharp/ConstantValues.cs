using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// Decides what a value is at compile time: literals, <c>const</c> fields and locals, and
/// locals assigned exactly once from a constant. Anything else (configuration, parameters,
/// fields, computed values) is unknown, and unknown values are never reported.
/// </summary>
internal static class ConstantValues
{
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>
    /// The outermost implicit conversion around <paramref name="value"/> (or the value itself), whose parent is
    /// what uses the value: the argument, assignment or return it is written in.
    /// </summary>
    public static IOperation Wrapped(IOperation value)
    {
        while (value.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion;
        }

        return value;
    }

    public static Optional<object?> Get(IOperation? operation, CancellationToken cancellationToken)
    {
        if (operation is null)
        {
            return default;
        }

        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue;
        }

        // An implicit nullable conversion of a constant is not itself a constant
        // (FluentEmail's SocketOptions = SecureSocketOptions.StartTls).
        var unwrapped = Unwrap(operation);
        if (unwrapped.ConstantValue.HasValue)
        {
            return unwrapped.ConstantValue;
        }

        return unwrapped is ILocalReferenceOperation local
            ? SingleAssignmentValue(local, cancellationToken)
            : default;
    }

    /// <summary>True when the value is written in place (a literal or an enum member), so a fix may rewrite it.</summary>
    public static bool IsWrittenInPlace(IOperation operation)
        => Unwrap(operation) switch
        {
            ILiteralOperation => true,
            IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } => true,
            _ => false,
        };

    private static Optional<object?> SingleAssignmentValue(ILocalReferenceOperation reference, CancellationToken cancellationToken)
    {
        var local = reference.Local;
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return default;
        }

        if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return default;
        }

        var value = model.GetConstantValue(initializer, cancellationToken);
        if (!value.HasValue)
        {
            return default;
        }

        SyntaxNode scope = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax)
            ?? declarator.SyntaxTree.GetRoot(cancellationToken);
        if (scope is GlobalStatementSyntax)
        {
            // Top-level statements share one scope across all global statements of the file.
            scope = scope.Parent!;
        }

        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == local.Name
                && IsWritten(identifier)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                return default;
            }
        }

        return value;
    }

    private static bool IsWritten(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => node.Parent.IsKind(SyntaxKind.PreIncrementExpression)
                || node.Parent.IsKind(SyntaxKind.PreDecrementExpression)
                || node.Parent.IsKind(SyntaxKind.PostIncrementExpression)
                || node.Parent.IsKind(SyntaxKind.PostDecrementExpression),
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }
}
