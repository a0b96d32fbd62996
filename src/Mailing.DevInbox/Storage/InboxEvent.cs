namespace Mailing.DevInbox.Storage;

/// <summary>Something the live UI should hear about: a message arrived or went, or chaos changed.</summary>
/// <param name="Kind"><c>received</c>, <c>deleted</c>, <c>cleared</c> or <c>chaos</c>.</param>
/// <param name="Message">The message concerned, for <c>received</c> and <c>deleted</c>.</param>
internal sealed record InboxEvent(string Kind, StoredMessage? Message);
