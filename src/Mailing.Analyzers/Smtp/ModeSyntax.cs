namespace Mailing.Analyzers.Smtp;

/// <summary>How a TLS mode is written, which decides what a code fix may write instead.</summary>
internal enum ModeSyntax
{
    /// <summary>Not rewritable (JSON, DSN text, a constant declared elsewhere, a mode a library sets for the caller).</summary>
    Fixed,

    /// <summary>A <c>MailKit.Security.SecureSocketOptions</c> member.</summary>
    SecureSocketOptions,

    /// <summary>MailKit's <c>bool useSsl</c> argument.</summary>
    UseSslFlag,

    /// <summary>A <c>Mailing.Transports.Smtp.SmtpSecurity</c> member.</summary>
    SmtpSecurity,

    /// <summary>System.Net.Mail's <c>EnableSsl</c>.</summary>
    EnableSsl,

    /// <summary>
    /// FluentEmail's <c>SmtpClientOptions.UseSsl</c>, or neither it nor <c>SocketOptions</c> set. FluentEmail
    /// passes it to MailKit's <c>useSsl</c>, so STARTTLS can only be required through <c>SocketOptions</c>.
    /// </summary>
    FluentEmailUseSsl,
}
