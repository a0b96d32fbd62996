using System.Linq;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>MailKit's <c>Connect</c>/<c>ConnectAsync</c> (port and TLS mode) and <c>Authenticate</c> (passwords).</summary>
internal static class MailKitCallAnalysis
{
    private const string Source = "MailKit's SmtpClient.Connect";

    public static void Analyze(OperationAnalysisContext context, MailSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        switch (invocation.TargetMethod.Name)
        {
            case "Connect" or "ConnectAsync" when symbols.IsMailKitSmtp(invocation.Instance?.Type):
                AnalyzeConnect(context, invocation);
                break;
            case "Authenticate" or "AuthenticateAsync" when symbols.IsMailKitService(invocation.Instance?.Type):
                AnalyzeAuthenticate(context, invocation);
                break;
        }
    }

    private static void AnalyzeConnect(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var host = SettingReader.Argument(invocation.Arguments, "host");
        if (host?.Parameter?.Type.SpecialType != SpecialType.System_String)
        {
            // Socket, Stream and Uri overloads: a Uri's string is checked as a DSN where it is written.
            return;
        }

        var cancellation = context.CancellationToken;
        var port = SettingReader.Argument(invocation.Arguments, "port");
        var portValue = port is { ArgumentKind: not ArgumentKind.DefaultValue } ? port.Value : null;
        var portSetting = SettingReader.Int(portValue, cancellation);
        if (portSetting is { Value: 0 })
        {
            portSetting = null;
        }

        SmtpSetting<TlsMode>? mode = null;
        var syntax = ModeSyntax.Fixed;
        if (SettingReader.Argument(invocation.Arguments, "options") is { } options)
        {
            syntax = ModeSyntax.SecureSocketOptions;
            mode = options.ArgumentKind == ArgumentKind.DefaultValue
                ? new SmtpSetting<TlsMode>(TlsMode.Auto, SettingReader.MethodNameLocation(invocation), IsLiteral: false)
                : SettingReader.EnumMode(options.Value, cancellation);
        }
        else if (SettingReader.Argument(invocation.Arguments, "useSsl") is { } useSsl && SettingReader.Bool(useSsl.Value, cancellation) is { } flag)
        {
            // true is implicit TLS; false is STARTTLS *when available*, not STARTTLS.
            syntax = ModeSyntax.UseSslFlag;
            mode = new SmtpSetting<TlsMode>(flag ? TlsMode.Implicit : TlsMode.Opportunistic, SettingReader.LocationOf(useSsl.Value), ConstantValues.IsWrittenInPlace(useSsl.Value));
        }

        var endpoint = new SmtpEndpoint
        {
            Source = Source,
            Host = SettingReader.String(host.Value, cancellation),
            Port = portSetting,
            PortIsUnknown = portValue is not null && portSetting is null,
            Mode = mode,
            ModeSyntax = syntax,
            SendsCredentials = AuthenticatesInTheSameMethod(invocation),
        };

        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }
    }

    // Connect and Authenticate are usually written next to each other; one in the same method body is what "known" means here.
    private static bool AuthenticatesInTheSameMethod(IInvocationOperation connect)
    {
        var body = connect.Syntax.FirstAncestorOrSelf<SyntaxNode>(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax);
        return body is not null && body.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>().Any(call =>
            call.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Authenticate" or "AuthenticateAsync" });
    }

    private static void AnalyzeAuthenticate(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (SettingReader.Argument(invocation.Arguments, "password") is { Parameter.Type.SpecialType: SpecialType.System_String } password)
        {
            PasswordInSource.Check(context, password.Value);
        }
    }
}
