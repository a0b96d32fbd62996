namespace Mailing.Transports.Smtp;

/// <summary>How the SMTP connection is encrypted.</summary>
/// <remarks>
/// There is deliberately no "STARTTLS when available": a client that silently continues in plaintext
/// when the server (or an attacker in between) does not offer STARTTLS protects nothing.
/// </remarks>
public enum SmtpSecurity
{
    /// <summary>Port 465 → <see cref="ImplicitTls"/>; any other port → <see cref="StartTls"/> (required). The default.</summary>
    Auto,

    /// <summary>Connect in plaintext, then upgrade with <c>STARTTLS</c> before anything else is sent; fail if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465, "SMTPS").</summary>
    ImplicitTls,

    /// <summary>No encryption. Accepted only for a loopback host (<c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>), e.g. a local dev inbox.</summary>
    None,
}
