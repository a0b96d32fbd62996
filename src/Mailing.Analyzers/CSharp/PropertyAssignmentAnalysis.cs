using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// Assignments to mail settings: System.Net.Mail's <c>Host</c>/<c>Port</c>/<c>EnableSsl</c>, Mailing's
/// <c>SmtpOptions</c>, FluentEmail's <c>SmtpClientOptions</c>, and certificate validation switches of
/// MailKit and <c>ServicePointManager</c>.
/// </summary>
internal static class PropertyAssignmentAnalysis
{
    public static void Analyze(OperationAnalysisContext context, MailSymbols symbols)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target)
        {
            return;
        }

        var type = property.ContainingType;
        if (property.Name == "ServerCertificateValidationCallback")
        {
            if ((symbols.IsMailKitService(type) || SymbolEqualityComparer.Default.Equals(type, symbols.ServicePointManager))
                && CertificateCallbacks.AcceptsEverything(assignment.Value, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.CertificateValidationDisabled,
                    SettingReader.LocationOf(assignment.Value),
                    "This callback accepts every server certificate, so anyone on the network path can read the password and the mail; remove it, or trust a specific certificate by its thumbprint"));
            }

            return;
        }

        if (assignment is not ISimpleAssignmentOperation)
        {
            return;
        }

        if (property.Name == "CheckCertificateRevocation" && symbols.IsMailKitService(type))
        {
            if (SettingReader.Bool(assignment.Value, context.CancellationToken) == false)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.CertificateValidationDisabled,
                    SettingReader.LocationOf(assignment.Value),
                    DiagnosticSeverity.Info,
                    additionalLocations: null,
                    properties: null,
                    "Certificate revocation checks are off, so a revoked (stolen) server certificate is accepted; leave them on unless the revocation server is unreachable by design"));
            }

            return;
        }

        SmtpEndpoint endpoint;
        if (MailSymbols.InheritsFrom(type, symbols.SystemNetMailSmtpClient) && property.Name is "Host" or "Port" or "EnableSsl")
        {
            var instance = ConfiguredInstance.OfReceiver(target.Instance, symbols.SystemNetMailSmtpClient!);
            if (instance is null)
            {
                return;
            }

            endpoint = SmtpInstanceEndpoints.ForSystemNetMail(instance, context.CancellationToken);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.MailingSmtpOptions))
        {
            if (property.Name == "Password")
            {
                PasswordInSource.Check(context, assignment.Value);
                return;
            }

            if (property.Name is not ("Host" or "Port" or "Security")
                || ConfiguredInstance.OfReceiver(target.Instance, symbols.MailingSmtpOptions!) is not { } instance)
            {
                return;
            }

            endpoint = SmtpInstanceEndpoints.ForMailingOptions(instance, context.CancellationToken);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.FluentEmailSmtpClientOptions))
        {
            if (property.Name == "Password")
            {
                PasswordInSource.Check(context, assignment.Value);
                return;
            }

            if (property.Name is not ("Server" or "Port" or "UseSsl" or "SocketOptions")
                || ConfiguredInstance.OfReceiver(target.Instance, symbols.FluentEmailSmtpClientOptions!) is not { } instance
                || SmtpInstanceEndpoints.ForFluentEmail(instance, symbols, context.CancellationToken) is not { } fluentEmail)
            {
                return;
            }

            endpoint = fluentEmail;
        }
        else
        {
            return;
        }

        // Every sibling assignment evaluates the same endpoint; each reports only what sits at its own value.
        var own = SettingReader.LocationOf(assignment.Value);
        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            if (finding.Location == own)
            {
                context.ReportDiagnostic(finding.ToDiagnostic());
            }
        }
    }
}
