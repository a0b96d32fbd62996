namespace Mailing;

/// <summary>The recipient's mail server accepted the message.</summary>
public sealed record MailDelivered : MailEvent
{
    /// <summary>The receiving server's reply (<c>250 OK</c>), when the provider reports it.</summary>
    public string? SmtpResponse { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(System.Text.StringBuilder builder) =>
        // The reply can quote the address; a logged event shows only what identifies it.
        base.PrintMembers(builder);
}
