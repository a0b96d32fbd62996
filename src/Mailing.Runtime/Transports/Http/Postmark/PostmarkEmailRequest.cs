namespace Mailing.Transports.Http.Postmark;

/// <summary>The body of <c>POST /email</c> (and one element of <c>POST /email/batch</c>), field names as Postmark spells them.</summary>
/// <remarks>Address fields hold comma-separated lists of <c>Name &lt;address&gt;</c>; <see langword="null"/> fields are left out of the JSON.</remarks>
internal sealed record PostmarkEmailRequest
{
    public required string From { get; init; }

    public string? To { get; init; }

    public string? Cc { get; init; }

    public string? Bcc { get; init; }

    public string? ReplyTo { get; init; }

    public required string Subject { get; init; }

    public string? HtmlBody { get; init; }

    public string? TextBody { get; init; }

    public IReadOnlyList<PostmarkHeader>? Headers { get; init; }

    public IReadOnlyList<PostmarkAttachment>? Attachments { get; init; }

    public string? Tag { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public string? MessageStream { get; init; }
}
