using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.CSharp;

/// <summary>Turns C# values into <see cref="SmtpSetting{T}"/>s; values not known at compile time give null.</summary>
internal static class SettingReader
{
    public static Location LocationOf(IOperation value) => ConstantValues.Unwrap(value).Syntax.GetLocation();

    /// <summary><c>new T(...)</c> without the object initializer, which may span many lines.</summary>
    public static Location CreationLocation(IObjectCreationOperation creation)
    {
        var syntax = creation.Syntax;
        return syntax switch
        {
            ObjectCreationExpressionSyntax explicitNew => Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(explicitNew.NewKeyword.SpanStart, explicitNew.ArgumentList?.Span.End ?? explicitNew.Type.Span.End)),
            ImplicitObjectCreationExpressionSyntax implicitNew => Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(implicitNew.NewKeyword.SpanStart, implicitNew.ArgumentList.Span.End)),
            _ => syntax.GetLocation(),
        };
    }

    /// <summary>The argument given for the parameter named <paramref name="parameterName"/>, wherever it is written.</summary>
    public static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
        => arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);

    /// <summary>The method name of <c>receiver.Method(...)</c>, where a finding about the whole call reads best.</summary>
    public static Location MethodNameLocation(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var name } }
            ? name.GetLocation()
            : invocation.Syntax.GetLocation();

    /// <summary>Where the property name of the assignment that wrote <paramref name="value"/> is written.</summary>
    public static Location? AssignedPropertyNameLocation(IOperation value)
        => value.Parent is ISimpleAssignmentOperation { Target.Syntax: var target }
            ? target switch
            {
                MemberAccessExpressionSyntax member => member.Name.GetLocation(),
                MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                IdentifierNameSyntax name => name.GetLocation(),
                _ => null,
            }
            : null;

    public static SmtpSetting<string>? String(IOperation? value, CancellationToken cancellationToken)
        => value is not null && ConstantValues.Get(value, cancellationToken) is { HasValue: true, Value: string text }
            ? new SmtpSetting<string>(text, LocationOf(value), ConstantValues.IsWrittenInPlace(value))
            : null;

    public static SmtpSetting<int>? Int(IOperation? value, CancellationToken cancellationToken)
        => value is not null && ConstantValues.Get(value, cancellationToken) is { HasValue: true, Value: int number }
            ? new SmtpSetting<int>(number, LocationOf(value), ConstantValues.IsWrittenInPlace(value))
            : null;

    public static bool? Bool(IOperation? value, CancellationToken cancellationToken)
        => value is not null && ConstantValues.Get(value, cancellationToken) is { HasValue: true, Value: bool flag } ? flag : null;

    /// <summary>Reads a MailKit <c>SecureSocketOptions</c> or Mailing <c>SmtpSecurity</c> member by name.</summary>
    public static SmtpSetting<TlsMode>? EnumMode(IOperation? value, CancellationToken cancellationToken)
    {
        if (value is null
            || ConstantValues.Unwrap(value).Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            || ConstantValues.Get(value, cancellationToken) is not { HasValue: true, Value: { } constant })
        {
            return null;
        }

        var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant));
        TlsMode? mode = member?.Name switch
        {
            "None" => TlsMode.None,

            // MailKit's Auto falls back to plain text when STARTTLS is not offered; Mailing's Auto
            // requires it (docs/smtp.md), so it can be neither opportunistic nor mismatched.
            "Auto" when enumType.Name == "SmtpSecurity" => null,
            "Auto" => TlsMode.Auto,
            "SslOnConnect" or "ImplicitTls" => TlsMode.Implicit,
            "StartTls" => TlsMode.StartTls,
            "StartTlsWhenAvailable" => TlsMode.Opportunistic,
            _ => null,
        };

        return mode is { } known ? new SmtpSetting<TlsMode>(known, LocationOf(value), ConstantValues.IsWrittenInPlace(value)) : null;
    }
}
