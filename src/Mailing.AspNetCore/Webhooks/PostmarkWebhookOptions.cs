namespace Mailing;

/// <summary>
/// Postmark's webhooks: <c>Mailing:Webhooks:Postmark</c>. Postmark does not sign its requests; it sends the basic-auth
/// credentials or the custom header you give it with each one, and this endpoint refuses requests without them. Set
/// <see cref="Username"/> and <see cref="Password"/>, or <see cref="HeaderName"/> and <see cref="HeaderValue"/>, or both.
/// </summary>
public sealed class PostmarkWebhookOptions
{
    /// <summary>The basic-auth user name written into the webhook URL (<c>https://user:password@shop.example/...</c>).</summary>
    public string? Username { get; set; }

    /// <summary>The basic-auth password; a secret: a long random value.</summary>
    public string? Password { get; set; }

    /// <summary>The name of a custom header added to the webhook in Postmark (e.g. <c>X-Webhook-Secret</c>).</summary>
    public string? HeaderName { get; set; }

    /// <summary>The custom header's value; a secret: a long random value.</summary>
    public string? HeaderValue { get; set; }
}
