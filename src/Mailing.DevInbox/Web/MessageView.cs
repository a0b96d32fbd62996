using Mailing.DevInbox.Storage;
using MimeKit;

namespace Mailing.DevInbox.Web;

/// <summary>Reads a caught message the way the API and the UI show it: bodies, leaf parts, attachments.</summary>
internal sealed class MessageView(StoredMessage stored, string apiBase)
{
    private readonly List<MimeEntity> _leaves = stored.Message.BodyParts.ToList();

    public StoredMessage Stored => stored;

    public TextPart? HtmlPart => _leaves.OfType<TextPart>().FirstOrDefault(part => part.IsHtml && !part.IsAttachment);

    public TextPart? TextPart => _leaves.OfType<TextPart>().FirstOrDefault(part => part.IsPlain && !part.IsAttachment);

    public static MessageSummary Summarize(StoredMessage message) =>
        new(message.Id, message.From, message.To, message.Subject, message.ReceivedAt, message.Size, message.HasAttachments);

    public MessageDetail Detail()
    {
        var parts = _leaves.Select(Describe).ToArray();
        var html = HtmlPart;
        var text = TextPart;
        return new MessageDetail(
            stored.Id,
            stored.From,
            stored.To,
            stored.Message.Cc.Mailboxes.Select(mailbox => mailbox.ToString()).ToArray(),
            stored.Subject,
            stored.ReceivedAt,
            stored.Size,
            stored.MailFrom,
            stored.RcptTo,
            html?.Text,
            text?.Text,
            stored.Message.Headers.Select(header => new MessageHeader(header.Field, header.Value)).ToArray(),
            parts,
            parts.Where((_, index) => _leaves[index] != html && _leaves[index] != text).ToArray());
    }

    public MimeEntity? Part(int index) => index >= 0 && index < _leaves.Count ? _leaves[index] : null;

    public MimeEntity? ByContentId(string contentId) =>
        _leaves.FirstOrDefault(part => string.Equals(part.ContentId, contentId.Trim('<', '>'), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> ContentIds => _leaves.Where(part => part.ContentId is not null).Select(part => part.ContentId!);

    /// <summary>The decoded content of a part, as a download.</summary>
    public static byte[] Content(MimeEntity entity)
    {
        using var buffer = new MemoryStream();
        switch (entity)
        {
            case MimePart { Content: not null } part:
                part.Content.DecodeTo(buffer);
                break;
            case MimeKit.MessagePart { Message: not null } embedded:
                embedded.Message.WriteTo(buffer);
                break;
        }

        return buffer.ToArray();
    }

    private MessagePart Describe(MimeEntity entity, int index)
    {
        var fileName = entity switch
        {
            MimePart part => part.FileName,
            _ => entity.ContentDisposition?.FileName,
        };
        return new MessagePart(
            index,
            entity.ContentType.MimeType,
            fileName,
            entity.ContentId,
            entity.IsAttachment,
            entity.ContentDisposition?.Disposition == ContentDisposition.Inline || entity.ContentId is not null,
            Content(entity).Length,
            $"{apiBase}/messages/{stored.Id}/parts/{index}");
    }
}
