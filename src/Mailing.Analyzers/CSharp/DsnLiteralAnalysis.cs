using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// SMTP DSN strings (<c>smtp://user:pass@host:25</c>) wherever they are written: for
/// <c>TransportDsn.Parse</c>, a <c>const</c>, a <c>new Uri(...)</c> for MailKit. The prefix is
/// specific enough that no call site needs to be known.
/// </summary>
internal static class DsnLiteralAnalysis
{
    public static void Analyze(OperationAnalysisContext context)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is not { HasValue: true, Value: string text }
            || text.Length < "smtp://".Length
            || (text[0] != 's' && text[0] != 'S')
            || SmtpDsn.TryParse(text) is not { } dsn)
        {
            return;
        }

        var token = literal.Syntax.GetFirstToken();
        var offset = ContentOffset(token, text);
        Location At(TextSpan span) => offset is { } start
            ? Location.Create(literal.Syntax.SyntaxTree, new TextSpan(start + span.Start, span.Length))
            : literal.Syntax.GetLocation();

        var endpoint = dsn.ToEndpoint("The DSN", At);

        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }

        if (SecretValues.LooksLikeSecret(dsn.Password))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretInSource, At(dsn.PasswordSpan), "The SMTP password", "a DSN in source code"));
        }
    }

    /// <summary>Where the string's first character sits in the file, when the literal has no escapes.</summary>
    private static int? ContentOffset(SyntaxToken token, string value)
    {
        var text = token.Text;
        if (token.IsKind(SyntaxKind.StringLiteralToken))
        {
            if (text == "\"" + value + "\"")
            {
                return token.SpanStart + 1;
            }

            if (text == "@\"" + value + "\"")
            {
                return token.SpanStart + 2;
            }
        }

        return null;
    }
}
