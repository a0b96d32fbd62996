namespace Mailing.Transports.Smtp;

/// <summary>The SMTP reply codes (RFC 5321, RFC 4954) the failure classifier reasons about.</summary>
internal static class SmtpReplyCode
{
    public const int ServiceNotAvailable = 421;
    public const int MailboxBusy = 450;
    public const int LocalError = 451;
    public const int InsufficientStorage = 452;
    public const int AuthenticationRequired = 530;
    public const int AuthenticationMechanismTooWeak = 534;
    public const int AuthenticationInvalidCredentials = 535;
    public const int MailboxUnavailable = 550;
    public const int TransactionFailed = 554;

    public static bool IsTransientNegative(int code) => code is >= 400 and < 500;

    public static bool IsPermanentNegative(int code) => code is >= 500 and < 600;
}
