namespace Mailing.Webhooks;

/// <summary>Why a webhook request was refused before any handler saw it; each is logged with a detail and answered 4xx.</summary>
internal enum WebhookRejection
{
    /// <summary>The body is larger than <see cref="MailingWebhookOptions.MaxBodyBytes"/> (413).</summary>
    BodyTooLarge,

    /// <summary>The request carries no signature or credentials where the provider always sends them (401).</summary>
    MissingSignature,

    /// <summary>The signature does not match the body and the configured key: a tampered body or the wrong key (401).</summary>
    WrongSignature,

    /// <summary>The basic-auth credentials or the custom header do not match (401).</summary>
    WrongCredentials,

    /// <summary>The signed timestamp is further from now than <see cref="MailingWebhookOptions.TimestampTolerance"/> (401).</summary>
    StaleTimestamp,

    /// <summary>The same signature (or Mailgun token) was already accepted within the tolerance window (401).</summary>
    Replayed,

    /// <summary>The body is not JSON (400).</summary>
    MalformedJson,

    /// <summary>The body is JSON but not the provider's event payload (400).</summary>
    NotEvents,
}
