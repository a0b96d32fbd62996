namespace Mailing.DevInbox.Web;

/// <summary>One link in the HTML part, for a test that follows a sign-in or password-reset link.</summary>
internal sealed record MessageLink(string Href, string Text);
