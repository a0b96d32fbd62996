namespace Mailing.Transports.Smtp;

/// <summary>
/// The server's bytes are not SMTP (a reply without a code, a reply too long), or arrived where none may (data after the
/// 220 to STARTTLS, before the handshake). The session cannot go on; classified as a lost connection.
/// </summary>
internal sealed class SmtpProtocolViolationException(string message) : IOException(message);
