using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// FluentEmail.Smtp's <c>AddSmtpSender(host, port)</c> and <c>AddSmtpSender(host, port, username, password)</c>,
/// read as the System.Net.Mail client each one creates.
/// </summary>
/// <remarks>
/// <c>AddSmtpSender(host, port)</c> registers <c>() =&gt; new SmtpClient(host, port)</c> and never sets
/// <c>EnableSsl</c>, and FluentEmail's <c>SmtpSender</c> sends with the client as it is, so every message is
/// plain text. The four-argument overload adds <c>EnableSsl = true</c> (STARTTLS: System.Net.Mail has no
/// implicit TLS) and a <c>NetworkCredential</c>. The <c>SmtpClient</c> and <c>Func&lt;SmtpClient&gt;</c>
/// overloads are not read here: the client is analyzed where it is created.
/// </remarks>
internal static class FluentEmailSmtpSenderAnalysis
{
    private const string PlainTextMessage = "never enables TLS (it creates System.Net.Mail's SmtpClient without EnableSsl), so every message crosses the network in plain text; "
        + "use AddSmtpSender(host, port, username, password), which sets EnableSsl = true, or AddSmtpSender(() => new SmtpClient(host, port) { EnableSsl = true })";

    public static void Analyze(OperationAnalysisContext context, MailSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!symbols.IsFluentEmailSmtpSender(invocation.TargetMethod)
            || SettingReader.Argument(invocation.Arguments, "host") is not { Parameter.Type.SpecialType: SpecialType.System_String } host)
        {
            return;
        }

        var cancellation = context.CancellationToken;
        var password = SettingReader.Argument(invocation.Arguments, "password");
        var enablesSsl = password is not null;
        var port = SettingReader.Int(SettingReader.Argument(invocation.Arguments, "port")?.Value, cancellation);
        var endpoint = new SmtpEndpoint
        {
            Source = enablesSsl ? "FluentEmail's AddSmtpSender(host, port, username, password)" : "FluentEmail's AddSmtpSender(host, port)",
            Host = SettingReader.String(host.Value, cancellation),
            Port = port,
            PortIsUnknown = port is null,
            Mode = new SmtpSetting<TlsMode>(enablesSsl ? TlsMode.StartTls : TlsMode.None, SettingReader.MethodNameLocation(invocation), IsLiteral: false),
            ModeSyntax = ModeSyntax.Fixed,
            PlainTextMessage = PlainTextMessage,
            SupportsImplicitTls = false,
        };

        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }

        PasswordInSource.Check(context, password?.Value);
    }
}
