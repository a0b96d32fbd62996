using System.Globalization;
using Mailing.DevInbox.Storage;

namespace Mailing.DevInbox.Previews;

/// <summary>Sends a rendered preview into the inbox itself, where it shows up like any caught message.</summary>
internal sealed class PreviewDelivery(MessageInbox inbox, DevInboxActivation activation, TimeProvider time)
{
    /// <summary>The header that tells a preview from mail the app sent.</summary>
    public const string PreviewHeader = "X-Mailing-Preview";

    private static readonly EmailAddress From = new("previews@dev-inbox.localhost", "Mailing previews");

    /// <summary>Where a preview goes when the request names nobody.</summary>
    public static readonly EmailAddress DefaultRecipient = new("you@dev-inbox.localhost");

    public async Task<SendResult> SendAsync(EmailPreview preview, RenderedEmail email, CultureInfo culture, EmailAddress to, CancellationToken cancellationToken)
    {
        var message = new EmailMessage
        {
            From = From,
            To = [to],
            Subject = email.Subject,
            HtmlBody = email.Html,
            TextBody = string.IsNullOrEmpty(email.Text) ? null : email.Text,
        }.WithHeader(PreviewHeader, $"{preview.TemplateName}/{preview.Name}; culture={(culture.Name.Length == 0 ? "invariant" : culture.Name)}");
        var transport = new InboxTransport(inbox, activation, time, "preview");
        return await transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
