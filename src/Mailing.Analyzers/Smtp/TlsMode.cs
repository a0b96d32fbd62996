namespace Mailing.Analyzers.Smtp;

/// <summary>How a connection is secured, normalised across MailKit, System.Net.Mail, Mailing and JSON.</summary>
internal enum TlsMode
{
    /// <summary>Plain text.</summary>
    None,

    /// <summary>Implicit TLS on 465, STARTTLS-when-available elsewhere (MailKit's and Mailing's <c>Auto</c>).</summary>
    Auto,

    /// <summary>STARTTLS only when the server advertises it: an attacker can strip the advertisement.</summary>
    Opportunistic,

    /// <summary>STARTTLS required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS).</summary>
    Implicit,
}
