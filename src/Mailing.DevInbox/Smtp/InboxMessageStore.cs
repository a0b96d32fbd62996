using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mailing.DevInbox;

/// <summary>SmtpServer's storage extension point: parses what arrived after <c>DATA</c> and hands it to the inbox.</summary>
internal sealed class InboxMessageStore(LocalSmtpInbox inbox, LocalSmtpInboxOptions options) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context,
        IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        if (options.MaxMessageSize is { } limit && buffer.Length > limit)
        {
            // RFC 5321 section 4.5.3.1.10: 552 is the reply for a message over the server's size limit.
            return new SmtpResponse(SmtpReplyCode.SizeLimitExceeded, $"5.3.4 Message too big: {buffer.Length} bytes, the limit is {limit}");
        }

        var bytes = buffer.ToArray();
        MimeMessage message;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            message = await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        var received = new ReceivedEmail(
            message,
            transaction.From is null ? "" : transaction.From.AsAddress(),
            transaction.To.Select(mailbox => mailbox.AsAddress()).ToArray(),
            context.Authentication.IsAuthenticated ? context.Authentication.User : null,
            context.Pipe is ISecurableDuplexPipe { IsSecure: true },
            context.SessionId);

        if (options.BeforeStore is not null)
        {
            await options.BeforeStore(received, cancellationToken).ConfigureAwait(false);
        }

        if (options.Received is not null)
        {
            await options.Received(received, bytes, cancellationToken).ConfigureAwait(false);
        }

        if (options.RetainMessages)
        {
            inbox.Add(received);
        }

        return SmtpResponse.Ok;
    }
}
