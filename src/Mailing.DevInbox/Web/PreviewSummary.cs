namespace Mailing.DevInbox.Web;

/// <summary>One row of <c>GET /api/previews</c>; <c>Url</c> renders it as JSON.</summary>
internal sealed record PreviewSummary(string Template, string Name, string DisplayName, string? Description, string Url);
