namespace Mailing.DevInbox.Web;

/// <summary>The body of <c>GET /api/previews</c>: every preview of the app, by template.</summary>
internal sealed record PreviewList(int Count, IReadOnlyList<PreviewSummary> Previews);
