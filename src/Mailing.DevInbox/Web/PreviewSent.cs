namespace Mailing.DevInbox.Web;

/// <summary>The body of <c>POST /api/previews/{template}/{preview}/send</c>: the message now in the inbox.</summary>
internal sealed record PreviewSent(string Id, string MessageId, string To, string Url);
