using MimeKit;

namespace Mailing;

/// <summary>A file attached to an <see cref="EmailMessage"/>.</summary>
/// <remarks>
/// The content is kept in memory (from bytes or a stream, copied once) or read from a file each time the
/// message is sent, so the same message can be retried or sent through another transport.
/// </remarks>
public sealed class EmailAttachment
{
    private EmailAttachment(string fileName, string? contentType, AttachmentContent content)
    {
        FileName = MessageFieldValidator.ThrowIfInvalidFileName(fileName, nameof(fileName));
        ContentType = MessageFieldValidator.ThrowIfInvalidContentType(contentType ?? MimeTypes.GetMimeType(FileName), nameof(contentType));
        Content = content;
    }

    /// <summary>Attaches <paramref name="content"/> under <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The name the reader sees, e.g. <c>invoice.pdf</c>; no path, no line breaks.</param>
    /// <param name="content">The bytes (not copied: do not change them afterwards).</param>
    /// <param name="contentType">The MIME type, e.g. <c>application/pdf</c>; guessed from the file name when omitted.</param>
    /// <exception cref="ArgumentException">The file name is empty, contains a path or a line break, or the content type is malformed.</exception>
    public EmailAttachment(string fileName, ReadOnlyMemory<byte> content, string? contentType = null)
        : this(fileName, contentType, AttachmentContent.FromBytes(content))
    {
    }

    /// <summary>Attaches a copy of what remains in <paramref name="content"/>; the stream is read to its end now and not disposed.</summary>
    /// <param name="fileName">The name the reader sees, e.g. <c>invoice.pdf</c>; no path, no line breaks.</param>
    /// <param name="contentType">The MIME type; guessed from the file name when omitted.</param>
    /// <param name="content">The stream to copy.</param>
    public static EmailAttachment FromStream(string fileName, Stream content, string? contentType = null) =>
        new(fileName, contentType, AttachmentContent.FromStream(content));

    /// <summary>Attaches a copy of what remains in <paramref name="content"/>, reading it asynchronously.</summary>
    /// <param name="fileName">The name the reader sees, e.g. <c>invoice.pdf</c>; no path, no line breaks.</param>
    /// <param name="contentType">The MIME type; guessed from the file name when omitted.</param>
    /// <param name="content">The stream to copy.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task<EmailAttachment> FromStreamAsync(string fileName, Stream content, string? contentType = null, CancellationToken cancellationToken = default) =>
        new(fileName, contentType, await AttachmentContent.FromStreamAsync(content, cancellationToken).ConfigureAwait(false));

    /// <summary>Attaches the file at <paramref name="path"/>, read each time the message is sent.</summary>
    /// <param name="path">The file to attach; its name becomes the attachment's name.</param>
    /// <param name="contentType">The MIME type; guessed from the file name when omitted.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static EmailAttachment FromFile(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The attachment file \"{path}\" does not exist.", path);
        }

        return new(Path.GetFileName(path), contentType, AttachmentContent.FromFile(path));
    }

    /// <summary>The name the reader sees.</summary>
    public string FileName { get; }

    /// <summary>The MIME type, e.g. <c>application/pdf</c>.</summary>
    public string ContentType { get; }

    /// <summary>The size in bytes, or <see langword="null"/> for a file that is read only when sent.</summary>
    public long? Length => Content.Length;

    internal AttachmentContent Content { get; }

    /// <summary>Opens the content for reading; the caller disposes the stream.</summary>
    public Stream OpenRead() => Content.OpenRead();

    /// <inheritdoc />
    public override string ToString() => $"{FileName} ({ContentType}, {Content})";
}
