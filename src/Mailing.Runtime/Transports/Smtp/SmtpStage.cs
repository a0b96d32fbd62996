namespace Mailing.Transports.Smtp;

/// <summary>Where in the SMTP dialogue a failure happened; decides the hint and whether the message may have arrived.</summary>
internal enum SmtpStage
{
    /// <summary>TCP connect, TLS handshake, greeting, EHLO, STARTTLS.</summary>
    Connect,

    /// <summary>AUTH.</summary>
    Authenticate,

    /// <summary>MAIL FROM and RCPT TO: nothing of the message has been handed over.</summary>
    Envelope,

    /// <summary>DATA or BDAT and after: the server may already hold the message.</summary>
    Data,
}
