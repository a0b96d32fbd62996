using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// Recognises a System.Net.Mail client that FluentEmail.Smtp sends with: one handed to
/// <c>AddSmtpSender(SmtpClient)</c>, or one returned by the factory given to <c>AddSmtpSender(Func&lt;SmtpClient&gt;)</c>.
/// FluentEmail's <c>SmtpSender</c> sends with the client as it is, so such a client sends as surely as one
/// whose <c>Send</c> is called in view.
/// </summary>
internal static class FluentEmailSmtpClients
{
    /// <summary>
    /// True when FluentEmail.Smtp sends with the client <paramref name="value"/> evaluates to: it is the
    /// argument of <c>AddSmtpSender(SmtpClient)</c>, or it is returned by the factory of
    /// <c>AddSmtpSender(Func&lt;SmtpClient&gt;)</c>: a lambda given to it, or a method or local function given
    /// to it as a method group in the same file.
    /// </summary>
    /// <remarks>
    /// Only returns written in the factory's body itself count: its expression body, or a <c>return</c>
    /// statement of its outermost block. A return inside an <c>if</c>, a loop or a <c>try</c> is not followed, and
    /// a method group whose method is declared in another file is not looked for (the analysis reads one file).
    /// </remarks>
    public static bool SendWith(IOperation value, MailSymbols symbols, CancellationToken cancellationToken)
    {
        switch (ConstantValues.Wrapped(value).Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                return symbols.IsFluentEmailSmtpSender(invocation.TargetMethod)
                    && SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, symbols.SystemNetMailSmtpClient);

            case IReturnOperation { Kind: OperationKind.Return, Parent: IBlockOperation { Parent: var function } }:
                return function switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Parent is IDelegateCreationOperation factory && IsFactoryArgument(factory, symbols),
                    ILocalFunctionOperation local => IsGivenAsMethodGroup(local.Symbol, local, symbols, cancellationToken),
                    IMethodBodyOperation body => body.SemanticModel?.GetDeclaredSymbol(body.Syntax, cancellationToken) is IMethodSymbol method
                        && IsGivenAsMethodGroup(method, body, symbols, cancellationToken),
                    _ => false,
                };

            default:
                return false;
        }
    }

    private static bool IsFactoryArgument(IDelegateCreationOperation factory, MailSymbols symbols)
        => ConstantValues.Wrapped(factory).Parent is IArgumentOperation { Parent: IInvocationOperation invocation }
            && symbols.IsFluentEmailSmtpSender(invocation.TargetMethod);

    /// <summary>True when an <c>AddSmtpSender(Method)</c> in the file of <paramref name="declaration"/> names <paramref name="method"/>.</summary>
    private static bool IsGivenAsMethodGroup(IMethodSymbol method, IOperation declaration, MailSymbols symbols, CancellationToken cancellationToken)
    {
        if (declaration.SemanticModel is not { } model)
        {
            return false;
        }

        foreach (var call in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };

            if (name == MailSymbols.FluentEmailSmtpSenderName
                && model.GetOperation(call, cancellationToken) is IInvocationOperation invocation
                && symbols.IsFluentEmailSmtpSender(invocation.TargetMethod)
                && invocation.Arguments.Any(a => a.Value is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                    && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method.OriginalDefinition)))
            {
                return true;
            }
        }

        return false;
    }
}
