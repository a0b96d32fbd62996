using MimeKit;

namespace Mailing.DevInbox.Storage;

/// <summary>One caught message: the exact bytes that arrived, parsed once, with its envelope.</summary>
internal sealed class StoredMessage
{
    public StoredMessage(string id, DateTimeOffset receivedAt, byte[] raw, MimeMessage message, string mailFrom, IReadOnlyList<string> rcptTo)
    {
        Id = id;
        ReceivedAt = receivedAt;
        Raw = raw;
        Message = message;
        MailFrom = mailFrom;
        RcptTo = rcptTo;
    }

    /// <summary>Time-ordered (UUID v7) so ids sort like arrival and file names list in order.</summary>
    public string Id { get; }

    public DateTimeOffset ReceivedAt { get; }

    public byte[] Raw { get; }

    public MimeMessage Message { get; }

    public string MailFrom { get; }

    public IReadOnlyList<string> RcptTo { get; }

    public int Size => Raw.Length;

    public string Subject => Message.Subject ?? "";

    public string From => Message.From.ToString();

    public IReadOnlyList<string> To => Message.To.Mailboxes.Select(mailbox => mailbox.ToString()).ToArray();

    public bool HasAttachments => Message.Attachments.Any();

    public static StoredMessage Parse(string id, DateTimeOffset receivedAt, byte[] raw, string mailFrom, IReadOnlyList<string> rcptTo)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return new StoredMessage(id, receivedAt, raw, MimeMessage.Load(stream), mailFrom, rcptTo);
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
