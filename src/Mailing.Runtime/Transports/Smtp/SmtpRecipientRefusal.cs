using MimeKit;

namespace Mailing.Transports.Smtp;

/// <summary>One <c>RCPT TO</c> the server refused: the address, the reply code and the reply text.</summary>
internal sealed record SmtpRecipientRefusal(MailboxAddress Mailbox, int StatusCode, string Response);
