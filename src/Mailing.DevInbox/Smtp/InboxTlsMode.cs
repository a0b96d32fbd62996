namespace Mailing.DevInbox;

/// <summary>How a <see cref="LocalSmtpInbox"/> offers TLS to its clients.</summary>
public enum InboxTlsMode
{
    /// <summary>Plaintext only. Loopback is the only place this is acceptable.</summary>
    None,

    /// <summary>Plaintext greeting, <c>STARTTLS</c> advertised (the submission port 587 behaviour).</summary>
    StartTls,

    /// <summary>TLS from the first byte (the port 465 behaviour).</summary>
    ImplicitTls,
}
