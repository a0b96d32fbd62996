namespace Mailing.DevInbox.Web;

/// <summary>The body of <c>GET /api/messages</c>: the matches, newest first, and how the inbox is bounded.</summary>
internal sealed record MessageList(int Total, int Count, int Capacity, string Storage, IReadOnlyList<MessageSummary> Messages);
