using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers;

/// <summary>Every diagnostic the analyzers report: the one place ids, titles and messages live.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where the pages live, relative to the repository root (<c>docs/diagnostics/MAILnnnn.md</c>).</summary>
    public const string DocsPath = global::Mailing.Diagnostics.DocumentationLinks.DiagnosticsPath;

    /// <summary>Base of every help link, shared with the generator (src/Shared/DocumentationLinks.cs).</summary>
    public const string HelpLinkBase = global::Mailing.Diagnostics.DocumentationLinks.DiagnosticsBase;

    private const string SecurityCategory = "Mailing.Security";
    private const string ConfigurationCategory = "Mailing.Configuration";

    public static readonly DiagnosticDescriptor Port25 = Create(
        "MAIL0201",
        "Port 25 used for message submission",
        "{0} uses port 25, which is for relay between mail servers and is blocked outbound by most cloud providers; submit on port 587 with STARTTLS",
        SecurityCategory,
        DiagnosticSeverity.Warning);

    /// <remarks>Reported as a warning for plain text and as info for opportunistic STARTTLS.</remarks>
    public static readonly DiagnosticDescriptor NoTls = Create(
        "MAIL0202",
        "SMTP without TLS",
        "{0} {1}",
        SecurityCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PortTlsMismatch = Create(
        "MAIL0203",
        "Port and TLS mode disagree",
        "{0} uses port {1} with {2}: {3}",
        SecurityCategory,
        DiagnosticSeverity.Warning);

    /// <remarks>Reported as a warning for an always-true callback and as info for revocation checks turned off.</remarks>
    public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
        "MAIL0204",
        "Certificate validation disabled",
        "{0}",
        SecurityCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SecretInSource = Create(
        "MAIL0301",
        "Secret in source",
        "{0} is written in {1}; keep it in user secrets (dotnet user-secrets) or an environment variable",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GmailSmtp = Create(
        "MAIL0302",
        "Gmail SMTP used by an application",
        "'{0}' is Gmail's SMTP server: it accepts about 500 messages a day and requires an app password; use a transactional email provider for application mail",
        ConfigurationCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SystemNetMailSmtpClient = Create(
        "MAIL0303",
        "System.Net.Mail.SmtpClient is not recommended",
        "System.Net.Mail.SmtpClient is not recommended for new development (Microsoft's own guidance): it lacks implicit TLS and modern protocol support; use Mailing or MailKit",
        ConfigurationCategory,
        DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity)
        => new(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: global::Mailing.Diagnostics.DocumentationLinks.Diagnostic(id));
}
