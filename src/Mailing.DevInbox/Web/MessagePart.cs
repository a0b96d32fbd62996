namespace Mailing.DevInbox.Web;

/// <summary>One leaf MIME part: a body, an attachment or an inline image; <see cref="Url"/> downloads it.</summary>
internal sealed record MessagePart(int Index, string ContentType, string? FileName, string? ContentId, bool IsAttachment, bool IsInline, int Size, string Url);
