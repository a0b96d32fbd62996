namespace Mailing;

/// <summary>
/// The provider did not try to deliver the message to this recipient: its own suppression list, an invalid address, a
/// rendering failure. Nothing reached the recipient's server.
/// </summary>
public sealed record MailDropped : MailEvent
{
    /// <summary>Why, in the provider's words.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(System.Text.StringBuilder builder) =>
        // The reason often quotes the address; a logged event shows only what identifies it.
        base.PrintMembers(builder);
}
