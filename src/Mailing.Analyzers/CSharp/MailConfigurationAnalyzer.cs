using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// Finds insecure or broken mail configuration in C#: MailKit, System.Net.Mail, Mailing's own
/// options, FluentEmail.MailKit's options, FluentEmail.Smtp's <c>AddSmtpSender</c> and DSN strings (MAIL0201–MAIL0204, MAIL0301–MAIL0303).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MailConfigurationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.Port25,
        DiagnosticDescriptors.NoTls,
        DiagnosticDescriptors.PortTlsMismatch,
        DiagnosticDescriptors.CertificateValidationDisabled,
        DiagnosticDescriptors.SecretInSource,
        DiagnosticDescriptors.GmailSmtp,
        DiagnosticDescriptors.SystemNetMailSmtpClient);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (MailSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            if (symbols.MailKitMailService is not null || symbols.MailKitSmtpClient is not null)
            {
                start.RegisterOperationAction(c => MailKitCallAnalysis.Analyze(c, symbols), OperationKind.Invocation);
            }

            if (!symbols.FluentEmailSmtpBuilderExtensions.IsEmpty)
            {
                start.RegisterOperationAction(c => FluentEmailSmtpSenderAnalysis.Analyze(c, symbols), OperationKind.Invocation);
            }

            if (symbols.SystemNetMailSmtpClient is not null || symbols.FluentEmailSmtpClientOptions is not null)
            {
                start.RegisterOperationAction(c => ObjectCreationAnalysis.Analyze(c, symbols), OperationKind.ObjectCreation);
            }

            start.RegisterOperationAction(c => PropertyAssignmentAnalysis.Analyze(c, symbols), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            start.RegisterOperationAction(DsnLiteralAnalysis.Analyze, OperationKind.Literal);
        });
    }
}
