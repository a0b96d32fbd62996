namespace Mailing.DevInbox.Web;

/// <summary>The optional body of <c>POST .../send</c>: who the preview is addressed to.</summary>
internal sealed record PreviewSendRequest(string? To);
