using System.Linq;
using System.Threading;
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
    private const string SystemNetMailSmtpClient = "System.Net.Mail.SmtpClient";
    private const string GivenToFluentEmail = "System.Net.Mail.SmtpClient given to FluentEmail's AddSmtpSender";

    public static void Analyze(OperationAnalysisContext context, MailSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (symbols.SystemNetMailSmtpClient is { } smtpClient && MailSymbols.InheritsFrom(creation.Type, smtpClient))
        {
            AnalyzeSmtpClient(context, creation, smtpClient, symbols);
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

    private static void AnalyzeSmtpClient(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol smtpClient, MailSymbols symbols)
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

        if (PlainTextSender(instance, endpoint, symbols, context.CancellationToken) is { } sender)
        {
            var fix = new FixEdit(creation.Syntax.GetLocation(), FixEdit.AddEnableSsl);
            context.ReportDiagnostic(new SmtpFinding(
                DiagnosticDescriptors.NoTls,
                location,
                DiagnosticSeverity.Warning,
                [sender, instance.IsSet("Credentials")
                    ? "sends without ever setting EnableSsl = true, so the password and every message travel in plain text; set EnableSsl = true"
                    : "sends without ever setting EnableSsl = true, so every message travels in plain text; set EnableSsl = true"],
                [fix]).ToDiagnostic());
        }
    }

    /// <summary>
    /// Names a client that is given a host, sends, and never sets <c>EnableSsl</c> in the block; null for any
    /// other. It sends when it is held in a local whose <c>Send</c> is called, or when FluentEmail.Smtp sends with
    /// it (<see cref="FluentEmailSmtpClients"/>), whether created in place or held in a local.
    /// A client that escapes otherwise (returned, passed on, stored) may be secured elsewhere and stays silent, and
    /// so does one without a host: on .NET Framework its settings, EnableSsl included, may come from app.config.
    /// A client given a <c>DeliveryMethod</c> may write to a pickup directory and never touch the network.
    /// </summary>
    private static string? PlainTextSender(ConfiguredInstance instance, SmtpEndpoint endpoint, MailSymbols symbols, CancellationToken cancellationToken)
    {
        if (instance.IsSet("EnableSsl")
            || instance.IsSet("DeliveryMethod")
            || !instance.IsSet("host")
            || endpoint.Host is { } host && SmtpHostNames.IsLoopback(host.Value))
        {
            return null;
        }

        return instance.Key switch
        {
            IObjectCreationOperation creation => FluentEmailSmtpClients.SendWith(creation, symbols, cancellationToken) ? GivenToFluentEmail : null,
            ILocalSymbol local => LocalSender(instance, local, symbols, cancellationToken),
            _ => null,
        };
    }

    private static string? LocalSender(ConfiguredInstance instance, ILocalSymbol local, MailSymbols symbols, CancellationToken cancellationToken)
    {
        string? sender = null;
        foreach (var reference in instance.Root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            if (FluentEmailSmtpClients.SendWith(reference, symbols, cancellationToken))
            {
                sender = GivenToFluentEmail;
                continue;
            }

            switch (reference.Parent)
            {
                case IInvocationOperation invocation when invocation.Instance == reference:
                    if (invocation.TargetMethod.Name is "Send" or "SendAsync" or "SendMailAsync")
                    {
                        sender ??= SystemNetMailSmtpClient;
                    }

                    break;
                case IPropertyReferenceOperation or IEventReferenceOperation:
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                case IUsingOperation:
                    break;
                default:
                    return null;
            }
        }

        return sender;
    }

    private static void AnalyzeCredential(OperationAnalysisContext context, IObjectCreationOperation creation, MailSymbols symbols)
    {
        var givenToMailClient = ConstantValues.Wrapped(creation).Parent switch
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
