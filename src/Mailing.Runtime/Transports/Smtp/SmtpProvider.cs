namespace Mailing.Transports.Smtp;

/// <summary>The SMTP relays whose provider-specific headers Mailing writes.</summary>
internal enum SmtpProvider
{
    /// <summary>Any other server: no provider headers.</summary>
    Other,

    /// <summary>SendGrid (<c>X-SMTPAPI</c>).</summary>
    SendGrid,

    /// <summary>Postmark (<c>X-PM-Tag</c>, <c>X-PM-Metadata-*</c>).</summary>
    Postmark,

    /// <summary>Mailgun (<c>X-Mailgun-Tag</c>, <c>X-Mailgun-Variables</c>).</summary>
    Mailgun,

    /// <summary>Amazon SES (<c>X-SES-MESSAGE-TAGS</c>).</summary>
    AmazonSes,
}
