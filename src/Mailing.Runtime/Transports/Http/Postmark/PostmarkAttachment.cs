using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Postmark;

/// <summary>One entry of a Postmark message's <c>Attachments</c> array: a file, or an inline image when <see cref="ContentId"/> is set.</summary>
/// <param name="Name">The file name the reader sees.</param>
/// <param name="Content">The bytes, base64-encoded.</param>
/// <param name="ContentType">The MIME type, e.g. <c>image/png</c>.</param>
/// <param name="ContentId">For an inline image, <c>cid:</c> followed by the id the HTML refers to; <see langword="null"/> for a plain attachment.</param>
internal sealed record PostmarkAttachment(
    string Name,
    string Content,
    string ContentType,
    [property: JsonPropertyName("ContentID")] string? ContentId = null);
