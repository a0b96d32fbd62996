namespace Mailing.Transports.Smtp;

/// <summary>One <c>RCPT TO</c> the server refused: the recipient, the reply code and the reply text.</summary>
internal sealed record SmtpRecipientRefusal(EmailAddress Recipient, int StatusCode, string Response);
