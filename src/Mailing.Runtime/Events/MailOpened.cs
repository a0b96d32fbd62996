namespace Mailing;

/// <summary>The message was opened (its tracking pixel loaded). Privacy proxies (Apple Mail) open messages on their own.</summary>
public sealed record MailOpened : MailEvent
{
    /// <summary>The reader's user agent, when reported.</summary>
    public string? UserAgent { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(System.Text.StringBuilder builder) =>
        // A user agent is personal data; a logged event shows only what identifies it.
        base.PrintMembers(builder);
}
