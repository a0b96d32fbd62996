using System.Linq;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// <c>new System.Net.Mail.SmtpClient(...)</c>, <c>new NetworkCredential(user, password)</c> given to a mail client,
/// and FluentEmail's <c>new SmtpClientOptions { ... }</c>.
/// </summary>
internal static class ObjectCreationAnalysis
{
    public static void Analyze(OperationAnalysisContext context, MailSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (symbols.SystemNetMailSmtpClient is { } smtpClient && MailSymbols.InheritsFrom(creation.Type, smtpClient))
        {
            AnalyzeSmtpClient(context, creation, smtpClient);
        }
        else if (symbols.NetworkCredential is { } credential && SymbolEqualityComparer.Default.Equals(creation.Type, credential))
        {
            AnalyzeCredential(context, creation, symbols);
        }
        else if (symbols.FluentEmailSmtpClientOptions is { } options && SymbolEqualityComparer.Default.Equals(creation.Type, options))
        {
            AnalyzeFluentEmailOptions(context, creation, options, symbols);
        }
    }

    /// <summary>
    /// Settings FluentEmail's <c>SmtpClientOptions</c> leaves at their defaults are reported at the creation;
    /// settings it writes are reported at their values by <see cref="PropertyAssignmentAnalysis"/>.
    /// </summary>
    private static void AnalyzeFluentEmailOptions(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol options, MailSymbols symbols)
    {
        var instance = ConfiguredInstance.OfCreation(creation, options);
        if (SmtpInstanceEndpoints.ForFluentEmail(instance, symbols, context.CancellationToken) is not { } endpoint)
        {
            return;
        }

        var location = SettingReader.CreationLocation(creation);
        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            if (finding.Location == location)
            {
                context.ReportDiagnostic(finding.ToDiagnostic());
            }
        }
    }

    private static void AnalyzeSmtpClient(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol smtpClient)
    {
        var location = SettingReader.CreationLocation(creation);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SystemNetMailSmtpClient, location));

        var instance = ConfiguredInstance.OfCreation(creation, smtpClient);
        var endpoint = SmtpInstanceEndpoints.ForSystemNetMail(instance, context.CancellationToken);
        var argumentLocations = creation.Arguments.Select(a => SettingReader.LocationOf(a.Value)).ToList();
        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            if (argumentLocations.Contains(finding.Location))
            {
                context.ReportDiagnostic(finding.ToDiagnostic());
            }
        }

        if (SendsWithoutSsl(instance, endpoint))
        {
            var fix = new FixEdit(creation.Syntax.GetLocation(), FixEdit.AddEnableSsl);
            context.ReportDiagnostic(new SmtpFinding(
                DiagnosticDescriptors.NoTls,
                location,
                DiagnosticSeverity.Warning,
                ["System.Net.Mail.SmtpClient", "sends without ever setting EnableSsl = true, so the password and every message travel in plain text; set EnableSsl = true"],
                [fix]).ToDiagnostic());
        }
    }

    /// <summary>
    /// A client held in a local that is given a host, sends, and never sets <c>EnableSsl</c> in the block.
    /// A client that escapes (returned, passed on, stored) may be secured elsewhere and stays silent, and
    /// so does one without a host: on .NET Framework its settings, EnableSsl included, may come from app.config.
    /// A client given a <c>DeliveryMethod</c> may write to a pickup directory and never touch the network.
    /// </summary>
    private static bool SendsWithoutSsl(ConfiguredInstance instance, SmtpEndpoint endpoint)
    {
        if (instance.Key is not ILocalSymbol local
            || instance.IsSet("EnableSsl")
            || instance.IsSet("DeliveryMethod")
            || !instance.IsSet("host")
            || endpoint.Host is { } host && SmtpHostNames.IsLoopback(host.Value))
        {
            return false;
        }

        var sends = false;
        foreach (var reference in instance.Root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            switch (reference.Parent)
            {
                case IInvocationOperation invocation when invocation.Instance == reference:
                    sends |= invocation.TargetMethod.Name is "Send" or "SendAsync" or "SendMailAsync";
                    break;
                case IPropertyReferenceOperation or IEventReferenceOperation:
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                case IUsingOperation:
                    break;
                default:
                    return false;
            }
        }

        return sends;
    }

    private static void AnalyzeCredential(OperationAnalysisContext context, IObjectCreationOperation creation, MailSymbols symbols)
    {
        IOperation current = creation;
        while (current.Parent is IConversionOperation { IsImplicit: true })
        {
            current = current.Parent;
        }

        var givenToMailClient = current.Parent switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Credentials" } property } } =>
                MailSymbols.InheritsFrom(property.ContainingType, symbols.SystemNetMailSmtpClient),
            IArgumentOperation { Parent: IInvocationOperation invocation } =>
                invocation.TargetMethod.Name is "Authenticate" or "AuthenticateAsync" && symbols.IsMailKitService(invocation.Instance?.Type),
            _ => false,
        };

        if (givenToMailClient
            && SettingReader.Argument(creation.Arguments, "password") is { Parameter.Type.SpecialType: SpecialType.System_String } password)
        {
            PasswordInSource.Check(context, password.Value);
        }
    }
}
