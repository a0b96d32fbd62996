namespace Mailing.Transports.Smtp;

/// <summary>The SMTP relays Mailing has presets for; some of them also read tag and metadata headers.</summary>
internal enum SmtpProvider
{
    /// <summary>Any other server, or the <c>Generic</c> preset: no provider headers.</summary>
    Other,

    /// <summary>SendGrid (<c>X-SMTPAPI</c>).</summary>
    SendGrid,

    /// <summary>Postmark (<c>X-PM-Tag</c>, <c>X-PM-Metadata-*</c>).</summary>
    Postmark,

    /// <summary>Mailgun (<c>X-Mailgun-Tag</c>, <c>X-Mailgun-Variables</c>).</summary>
    Mailgun,

    /// <summary>Amazon SES (<c>X-SES-MESSAGE-TAGS</c>).</summary>
    AmazonSes,

    /// <summary>Gmail: no provider headers.</summary>
    Gmail,

    /// <summary>SendPigeon: no provider headers.</summary>
    SendPigeon,

    /// <summary>Resend's SMTP relay: no provider headers (its API takes tags).</summary>
    Resend,

    /// <summary>Brevo: no provider headers.</summary>
    Brevo,

    /// <summary>Microsoft 365 / Exchange Online: no provider headers.</summary>
    Microsoft365,
}
