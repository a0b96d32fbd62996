namespace Mailing.Webhooks;

/// <summary>The outcome of checking a request's signature or credentials, before the body is read as events.</summary>
/// <param name="Rejection">Why the request is refused, or <see langword="null"/> when it is authentic.</param>
/// <param name="Detail">What exactly was wrong, for the log line; never a secret.</param>
/// <param name="SignedAt">When the provider signed the request, for the staleness check; <see langword="null"/> when it does not say (Postmark).</param>
/// <param name="ReplayKey">What identifies this signature, to refuse it a second time; <see langword="null"/> when there is nothing to remember (Postmark).</param>
internal readonly record struct WebhookVerdict(WebhookRejection? Rejection, string Detail, DateTimeOffset? SignedAt = null, string? ReplayKey = null)
{
    public static WebhookVerdict Authentic(DateTimeOffset? signedAt, string? replayKey) => new(null, "", signedAt, replayKey);

    public static WebhookVerdict Refuse(WebhookRejection rejection, string detail) => new(rejection, detail);
}
