using MimeKit;

namespace Mailing;

/// <summary>
/// An image or other resource the HTML body shows inline, referenced as <c>&lt;img src="cid:logo"&gt;</c>
/// where <c>logo</c> is the <see cref="ContentId"/>.
/// </summary>
public sealed class InlineResource
{
    private InlineResource(string contentId, string contentType, string? fileName, AttachmentContent content)
    {
        ContentId = MessageFieldValidator.ThrowIfInvalidContentId(contentId, nameof(contentId));
        ContentType = MessageFieldValidator.ThrowIfInvalidContentType(contentType, nameof(contentType));
        FileName = fileName is null ? null : MessageFieldValidator.ThrowIfInvalidFileName(fileName, nameof(fileName));
        Content = content;
    }

    /// <summary>An inline resource held in memory.</summary>
    /// <param name="contentId">The id the HTML refers to after <c>cid:</c> (e.g. <c>logo</c>); no spaces, angle brackets or line breaks.</param>
    /// <param name="content">The bytes (not copied: do not change them afterwards).</param>
    /// <param name="contentType">The MIME type, e.g. <c>image/png</c>.</param>
    /// <param name="fileName">An optional file name some clients show when saving the image.</param>
    /// <exception cref="ArgumentException">The content id, content type or file name is malformed.</exception>
    public InlineResource(string contentId, ReadOnlyMemory<byte> content, string contentType, string? fileName = null)
        : this(contentId, contentType, fileName, AttachmentContent.FromBytes(content))
    {
    }

    /// <summary>An inline resource read from the file at <paramref name="path"/> each time the message is sent.</summary>
    /// <param name="contentId">The id the HTML refers to after <c>cid:</c>.</param>
    /// <param name="path">The file; its extension decides the content type unless one is given.</param>
    /// <param name="contentType">The MIME type; guessed from the file name when omitted.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static InlineResource FromFile(string contentId, string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The inline resource file \"{path}\" does not exist.", path);
        }

        var fileName = Path.GetFileName(path);
        return new(contentId, contentType ?? MimeTypes.GetMimeType(fileName), fileName, AttachmentContent.FromFile(path));
    }

    /// <summary>The id the HTML body refers to as <c>cid:</c>&lt;id&gt;.</summary>
    public string ContentId { get; }

    /// <summary>The MIME type, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>The optional file name.</summary>
    public string? FileName { get; }

    internal AttachmentContent Content { get; }

    /// <summary>Opens the content for reading; the caller disposes the stream.</summary>
    public Stream OpenRead() => Content.OpenRead();

    /// <inheritdoc />
    public override string ToString() => $"cid:{ContentId} ({ContentType}, {Content})";
}
