using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// MAIL0301 for an SMTP password written in C#: a literal, a <c>const</c>, or a local assigned once
/// from one. Empty values and placeholders are not secrets (<see cref="SecretValues"/>).
/// </summary>
internal static class PasswordInSource
{
    public static void Check(OperationAnalysisContext context, IOperation? value)
    {
        if (SettingReader.String(value, context.CancellationToken) is { } password && SecretValues.LooksLikeSecret(password.Value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretInSource, password.Location, "The SMTP password", "source code"));
        }
    }
}
