namespace Mailing;

/// <summary>What a transport reports after accepting a message.</summary>
public sealed record SendResult
{
    /// <summary>The RFC 5322 Message-Id the message was sent with, without angle brackets.</summary>
    public required string MessageId { get; init; }

    /// <summary>The name of the transport that accepted the message.</summary>
    public required string TransportName { get; init; }

    /// <summary>The provider's own id for the message (an HTTP API's id, or the SMTP server's queue id), if it gave one.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>
    /// Why the message was stopped before any transport, when it was: an interceptor vetoed it, or every recipient is on
    /// the suppression list (each listed in <see cref="RejectedRecipients"/>). Then nothing was sent and no recipient was accepted.
    /// </summary>
    public string? VetoReason { get; init; }

    /// <summary>Whether the message went to a transport (it was not stopped by an interceptor or the suppression list).</summary>
    public bool WasSent => VetoReason is null;

    /// <summary>How many delivery attempts it took: 1 unless a dispatcher retried or failed over.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>How long the send took, from hand-over to acceptance.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The recipients the server accepted.</summary>
    public IReadOnlyList<EmailAddress> AcceptedRecipients { get; init; } = [];

    /// <summary>
    /// The recipients the message did not go to, each with the reason: those the server refused, and those Mailing
    /// withheld because they are on the suppression list (<see cref="RecipientRejection.Suppression"/> set, listed first).
    /// </summary>
    public IReadOnlyList<RecipientRejection> RejectedRecipients { get; init; } = [];
}
