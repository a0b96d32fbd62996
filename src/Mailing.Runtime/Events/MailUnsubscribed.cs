namespace Mailing;

/// <summary>
/// The recipient unsubscribed through the provider (its unsubscribe link or list management). The address goes on the
/// suppression list for bulk mail; transactional mail still reaches it.
/// </summary>
public sealed record MailUnsubscribed : MailEvent;
