namespace Mailing.DevInbox.Web;

/// <summary>The body of <c>GET /api/messages/{id}</c>.</summary>
internal sealed record MessageDetail(
    string Id,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    DateTimeOffset ReceivedAt,
    int Size,
    string MailFrom,
    IReadOnlyList<string> RcptTo,
    string? Html,
    string? Text,
    IReadOnlyList<MessageHeader> Headers,
    IReadOnlyList<MessagePart> Parts,
    IReadOnlyList<MessagePart> Attachments);
