using MimeKit;

namespace Mailing.DevInbox;

/// <summary>One message as a <see cref="LocalSmtpInbox"/> received it: the parsed MIME and the SMTP envelope.</summary>
/// <param name="Message">The message parsed from the bytes that arrived after <c>DATA</c>.</param>
/// <param name="MailFrom">The envelope sender (<c>MAIL FROM</c>); empty for a null reverse-path.</param>
/// <param name="RcptTo">The envelope recipients (<c>RCPT TO</c>) the server accepted.</param>
/// <param name="AuthenticatedUser">The user the session authenticated as, or <see langword="null"/>.</param>
/// <param name="WasSecure">Whether the session was encrypted (STARTTLS or implicit TLS) when the message arrived.</param>
/// <param name="SessionId">The server session the message arrived on; equal ids mean one reused connection.</param>
public sealed record ReceivedEmail(
    MimeMessage Message,
    string MailFrom,
    IReadOnlyList<string> RcptTo,
    string? AuthenticatedUser,
    bool WasSecure,
    Guid SessionId);
