using System.Linq;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.CSharp;

/// <summary><c>new System.Net.Mail.SmtpClient(...)</c> and <c>new NetworkCredential(user, password)</c> given to a mail client.</summary>
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
    }

    private static void AnalyzeSmtpClient(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol smtpClient)
    {
        var location = CreationLocation(creation);
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
            && creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "password") is { Parameter.Type.SpecialType: SpecialType.System_String } password
            && SettingReader.String(password.Value, context.CancellationToken) is { } secret
            && SecretValues.LooksLikeSecret(secret.Value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretInSource, secret.Location, "The SMTP password", "source code"));
        }
    }

    /// <summary><c>new SmtpClient(...)</c> without the object initializer, which may span many lines.</summary>
    private static Location CreationLocation(IObjectCreationOperation creation)
    {
        var syntax = creation.Syntax;
        return syntax switch
        {
            ObjectCreationExpressionSyntax explicitNew => Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(explicitNew.NewKeyword.SpanStart, explicitNew.ArgumentList?.Span.End ?? explicitNew.Type.Span.End)),
            ImplicitObjectCreationExpressionSyntax implicitNew => Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(implicitNew.NewKeyword.SpanStart, implicitNew.ArgumentList.Span.End)),
            _ => syntax.GetLocation(),
        };
    }
}
