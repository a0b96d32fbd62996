namespace Mailing.Transports.Local;

/// <summary>
/// The bytes the in-memory and pickup transports keep of a message: the ones an SMTP server without 8BITMIME would
/// receive, from the writer SMTP uses, or from MimeKit when the message is signed with DKIM (the signer works on a MimeKit
/// message).
/// </summary>
/// <remarks>
/// Always 7 bit (text 7bit or quoted-printable), never the 8bit text SMTP sends to a server that offers 8BITMIME: neither
/// transport has a server to ask, and a pickup file is relayed by whatever picks it up, to servers of unknown capability.
/// </remarks>
internal static class LocalMessageBytes
{
    /// <summary>Writes <paramref name="message"/> (which has its Message-Id) into a new buffer the caller disposes.</summary>
    /// <returns>The buffer and the plain text as a reader of those bytes would decode it.</returns>
    public static async ValueTask<(MessageBuffer Bytes, string Text)> WriteAsync(
        EmailMessage message, TimeProvider time, bool hideBlindCopies, IMimeMessageTransform? transform, CancellationToken cancellationToken)
    {
        if (transform is null)
        {
            var writer = new EmailMessageWriter(message, message.MessageId!, time.GetUtcNow(), hideBlindCopies);
            return (await WriteAsync(writer, cancellationToken).ConfigureAwait(false), EmailMessageWriter.ReadBackText(writer.TextBody));
        }

        using var mime = MimeMessageFactory.Create(message, time);
        transform.Apply(mime, message);
        return (await WriteAsync(new MimeMessageWriter(mime, hideBlindCopies), cancellationToken).ConfigureAwait(false), mime.TextBody ?? "");
    }

    private static async ValueTask<MessageBuffer> WriteAsync(IMessageWriter writer, CancellationToken cancellationToken)
    {
        var buffer = new MessageBuffer(writer.SizeHint, dotStuffing: false);
        try
        {
            await writer.WriteAsync(buffer, eightBitMime: false, cancellationToken).ConfigureAwait(false);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }
}
