namespace Mailing;

/// <summary>
/// Records an unsubscribe the endpoint accepted: typically marks the recipient as unsubscribed from the list in the
/// application's database. Register it in DI and map the endpoint with <c>app.MapMailingUnsubscribe("/unsubscribe")</c>.
/// </summary>
/// <remarks>
/// <para>
/// Called once per link within a day, however often it is clicked or POSTed (mailbox providers may retry, people click
/// twice); after that a repeat is passed on again, so make the handler idempotent: unsubscribing twice must be harmless.
/// </para>
/// <para>
/// An exception fails the request with 500 and the link can be used again. Do not ask for more than the link:
/// RFC 8058 requires the one-click POST alone to unsubscribe, without a login, cookies or a confirmation.
/// </para>
/// </remarks>
public interface IUnsubscribeHandler
{
    /// <summary>Records that <see cref="UnsubscribeRequest.Recipient"/> no longer wants <see cref="UnsubscribeRequest.List"/>.</summary>
    /// <param name="request">Who, from which list, and how.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the unsubscribe is stored.</returns>
    Task UnsubscribeAsync(UnsubscribeRequest request, CancellationToken cancellationToken);
}
