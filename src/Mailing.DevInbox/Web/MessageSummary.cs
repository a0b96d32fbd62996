namespace Mailing.DevInbox.Web;

/// <summary>One row of <c>GET /api/messages</c>.</summary>
internal sealed record MessageSummary(string Id, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedAt, int Size, bool HasAttachments);
