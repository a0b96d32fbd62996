using Mailing.Transports;
using MimeKit;

namespace Mailing.DevInbox.Storage;

/// <summary>
/// The <c>inbox://</c> transport: files each message straight into the embedded dev inbox, as if it had arrived over
/// SMTP (the same MIME, Bcc hidden from the headers and kept in the envelope), without a socket.
/// </summary>
internal sealed class InboxTransport(MessageInbox inbox, DevInboxActivation activation, TimeProvider time, string name) : IEmailTransport
{
    public const string Scheme = "inbox";

    private static readonly FormatOptions WireFormat = CreateWireFormat();

    public string Name => name;

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (!activation.IsActive)
        {
            throw new MailDeliveryException(
                MailFailureKind.Configuration,
                $"The dev inbox is off in the {activation.EnvironmentName} environment, so inbox:// delivers nothing.",
                "Use inbox:// in appsettings.Development.json only, and a real transport elsewhere; set DevInboxOptions.Force to run the inbox outside Development.")
            {
                TransportName = Name,
            };
        }

        var started = time.GetTimestamp();
        using var mime = message.ToMimeMessage(time);
        using var buffer = new MemoryStream();
        await mime.WriteToAsync(WireFormat, buffer, cancellationToken).ConfigureAwait(false);
        var raw = buffer.ToArray();
        buffer.Position = 0;
        var parsed = await MimeMessage.LoadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var envelopeFrom = (message.Sender ?? message.From)!.Address;
        var stored = await inbox.AddAsync(raw, envelopeFrom, message.AllRecipients.Select(r => r.Address).ToArray(), parsed, cancellationToken).ConfigureAwait(false);
        return new SendResult
        {
            MessageId = mime.MessageId!,
            TransportName = Name,
            ProviderMessageId = stored.Id,
            Duration = time.GetElapsedTime(started),
            AcceptedRecipients = message.AllRecipients.ToArray(),
        };
    }

    // What an SMTP server would have received: CRLF, and no Bcc header (the envelope carries those recipients).
    private static FormatOptions CreateWireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.HiddenHeaders.Add(HeaderId.Bcc);
        return format;
    }
}
