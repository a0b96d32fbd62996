namespace Mailing;

/// <summary>What an unsubscribe link's token says, once its signature has been checked.</summary>
/// <param name="Id">Random and unique per link: how a repeated request for the same link is recognised.</param>
/// <param name="Recipient">The address the link was made for.</param>
/// <param name="List">The list the link unsubscribes from.</param>
/// <param name="IssuedAt">When the link was made.</param>
/// <param name="ExpiresAt">When it stops working.</param>
internal sealed record UnsubscribeToken(string Id, string Recipient, string List, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
