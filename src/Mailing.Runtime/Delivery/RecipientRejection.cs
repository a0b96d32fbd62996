namespace Mailing;

/// <summary>A recipient the message did not go to while it went to the others: refused by the server, or withheld by Mailing because the address is on the suppression list.</summary>
/// <param name="Recipient">The refused address.</param>
/// <param name="StatusCode">The SMTP reply code (e.g. 550) or HTTP status the refusal came with; 0 when Mailing withheld the recipient itself (see <see cref="Suppression"/>).</param>
/// <param name="EnhancedStatusCode">The RFC 3463 enhanced status code (e.g. <c>5.1.1</c>), if the server sent one.</param>
/// <param name="Reason">The server's text, or why Mailing withheld the recipient.</param>
public sealed record RecipientRejection(EmailAddress Recipient, int StatusCode, string? EnhancedStatusCode, string Reason)
{
    /// <summary>
    /// The suppression list entry that stopped this recipient, when Mailing withheld it before sending; then nothing
    /// was sent to it. <see langword="null"/> for a refusal by the server.
    /// </summary>
    public SuppressionEntry? Suppression { get; init; }
}
