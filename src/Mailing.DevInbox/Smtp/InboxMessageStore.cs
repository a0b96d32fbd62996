using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mailing.DevInbox;

/// <summary>SmtpServer's storage extension point: parses what arrived after <c>DATA</c> and hands it to the inbox.</summary>
internal sealed class InboxMessageStore(LocalSmtpInbox inbox, Func<ReceivedEmail, CancellationToken, Task>? beforeStore) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context,
        IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        MimeMessage message;
        using (var stream = new MemoryStream(buffer.ToArray(), writable: false))
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

        if (beforeStore is not null)
        {
            await beforeStore(received, cancellationToken).ConfigureAwait(false);
        }

        inbox.Add(received);
        return SmtpResponse.Ok;
    }
}
