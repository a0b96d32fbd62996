namespace Mailing.Queue.Enqueueing;

/// <summary>An attachment or inline resource as it waits in the queue: its bytes, read when the message was enqueued.</summary>
internal sealed class QueuedAttachment
{
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>The <c>cid:</c> id of an inline resource; <see langword="null"/> for an attachment.</summary>
    public string? ContentId { get; set; }

    public byte[] Content { get; set; } = [];
}
