namespace Mailing;

/// <summary>A recipient the server refused while accepting the message for the others.</summary>
/// <param name="Recipient">The refused address.</param>
/// <param name="StatusCode">The SMTP reply code (e.g. 550) or HTTP status the refusal came with.</param>
/// <param name="EnhancedStatusCode">The RFC 3463 enhanced status code (e.g. <c>5.1.1</c>), if the server sent one.</param>
/// <param name="Reason">The server's text.</param>
public sealed record RecipientRejection(EmailAddress Recipient, int StatusCode, string? EnhancedStatusCode, string Reason);
