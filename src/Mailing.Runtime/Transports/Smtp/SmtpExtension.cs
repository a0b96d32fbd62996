namespace Mailing.Transports.Smtp;

/// <summary>The SMTP service extensions (RFC 5321 §2.2) Mailing reads from EHLO and may require.</summary>
internal enum SmtpExtension
{
    StartTls,
    Authentication,
    EightBitMime,
}
