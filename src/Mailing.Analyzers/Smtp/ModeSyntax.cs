namespace Mailing.Analyzers.Smtp;

/// <summary>How a TLS mode is written, which decides what a code fix may write instead.</summary>
internal enum ModeSyntax
{
    /// <summary>Not rewritable (JSON, DSN text, a constant declared elsewhere).</summary>
    Fixed,

    /// <summary>A <c>MailKit.Security.SecureSocketOptions</c> member.</summary>
    SecureSocketOptions,

    /// <summary>MailKit's <c>bool useSsl</c> argument.</summary>
    UseSslFlag,

    /// <summary>A <c>Mailing.Transports.Smtp.SmtpSecurity</c> member.</summary>
    SmtpSecurity,

    /// <summary>System.Net.Mail's <c>EnableSsl</c>.</summary>
    EnableSsl,
}
