namespace Mailing.Transports.Http;

/// <summary>What a provider's error response means: the kind of failure, the provider's own words, and what to do.</summary>
/// <param name="Kind">How the failure is classified (decides retry and failover).</param>
/// <param name="ProviderMessage">The provider's error text, e.g. Postmark's <c>Message</c> or SendGrid's <c>errors[].message</c>.</param>
/// <param name="Hint">What the user should do, in plain words, or <see langword="null"/> for the default hint of <paramref name="Kind"/>.</param>
/// <param name="ProviderErrorCode">The provider's own error code (Postmark's <c>ErrorCode</c>), if it has one.</param>
internal sealed record HttpApiFailure(MailFailureKind Kind, string ProviderMessage, string? Hint = null, string? ProviderErrorCode = null);
