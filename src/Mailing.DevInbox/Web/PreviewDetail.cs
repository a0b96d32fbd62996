namespace Mailing.DevInbox.Web;

/// <summary>The body of <c>GET /api/previews/{template}/{preview}</c>: the preview rendered in <c>Culture</c> (empty: invariant).</summary>
internal sealed record PreviewDetail(string Template, string Name, string DisplayName, string? Description, string Culture, string Subject, string Html, string Text, string HtmlUrl, string SendUrl);
