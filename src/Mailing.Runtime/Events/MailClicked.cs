namespace Mailing;

/// <summary>A tracked link in the message was clicked.</summary>
public sealed record MailClicked : MailEvent
{
    /// <summary>The link's address, when reported.</summary>
    public string? Url { get; init; }

    /// <summary>The reader's user agent, when reported.</summary>
    public string? UserAgent { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(System.Text.StringBuilder builder) =>
        // Links can carry personal tokens; a logged event shows only what identifies it.
        base.PrintMembers(builder);
}
