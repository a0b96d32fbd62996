namespace Mailing.Transports.Smtp;

/// <summary>The server does not offer an extension this connection or message needs; nothing of the message was sent.</summary>
internal sealed class SmtpExtensionMissingException(SmtpExtension extension, string detail)
    : Exception(detail)
{
    public SmtpExtension Extension { get; } = extension;
}
