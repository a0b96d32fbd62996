namespace Mailing.Transports.Smtp;

/// <summary>What a reply answered; decides how a refusal is described and classified.</summary>
internal enum SmtpCommand
{
    Greeting,
    Ehlo,
    StartTls,
    Auth,
    MailFrom,
    RcptTo,
    Data,
    EndOfData,
    Reset,
    Noop,
}
