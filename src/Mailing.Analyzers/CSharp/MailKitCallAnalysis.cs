using System.Linq;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
        var host = Argument(invocation, "host");
        if (host?.Parameter?.Type.SpecialType != SpecialType.System_String)
        {
            // Socket, Stream and Uri overloads: a Uri's string is checked as a DSN where it is written.
            return;
        }

        var cancellation = context.CancellationToken;
        var port = Argument(invocation, "port");
        var portValue = port is { ArgumentKind: not ArgumentKind.DefaultValue } ? port.Value : null;
        var portSetting = SettingReader.Int(portValue, cancellation);
        if (portSetting is { Value: 0 })
        {
            portSetting = null;
        }

        SmtpSetting<TlsMode>? mode = null;
        var syntax = ModeSyntax.Fixed;
        if (Argument(invocation, "options") is { } options)
        {
            syntax = ModeSyntax.SecureSocketOptions;
            mode = options.ArgumentKind == ArgumentKind.DefaultValue
                ? new SmtpSetting<TlsMode>(TlsMode.Auto, MethodNameLocation(invocation), IsLiteral: false)
                : SettingReader.EnumMode(options.Value, cancellation);
        }
        else if (Argument(invocation, "useSsl") is { } useSsl && SettingReader.Bool(useSsl.Value, cancellation) is { } flag)
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
        };

        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }
    }

    private static void AnalyzeAuthenticate(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (Argument(invocation, "password") is { Parameter.Type.SpecialType: SpecialType.System_String } password
            && SettingReader.String(password.Value, context.CancellationToken) is { } secret
            && SecretValues.LooksLikeSecret(secret.Value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretInSource, secret.Location, "The SMTP password", "source code"));
        }
    }

    private static IArgumentOperation? Argument(IInvocationOperation invocation, string parameterName)
        => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);

    private static Location MethodNameLocation(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var name } }
            ? name.GetLocation()
            : invocation.Syntax.GetLocation();
}
