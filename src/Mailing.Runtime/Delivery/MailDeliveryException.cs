namespace Mailing;

/// <summary>
/// A message could not be delivered. Carries what a caller needs to act: the kind of failure,
/// whether a retry can help, the server's reply, and a hint in plain words.
/// </summary>
/// <remarks>Never contains credentials: hints and messages are built from codes and host names only.</remarks>
public sealed class MailDeliveryException : Exception
{
    /// <summary>Creates an exception for a failed delivery.</summary>
    public MailDeliveryException(
        MailFailureKind kind,
        string message,
        string? hint = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Hint = hint;
    }

    /// <summary>What went wrong.</summary>
    public MailFailureKind Kind { get; }

    /// <summary>Whether another attempt, later or through another transport, may succeed.</summary>
    /// <remarks>Never true when <see cref="MayHaveBeenDelivered"/> is: retrying then risks sending the message twice.</remarks>
    public bool IsTransient => !MayHaveBeenDelivered && Kind is MailFailureKind.Connection or MailFailureKind.RateLimited
        or MailFailureKind.Timeout or MailFailureKind.Transient;

    /// <summary>What to do about it, in plain words; <see langword="null"/> when there is nothing specific to say.</summary>
    public string? Hint { get; }

    /// <summary>The name of the transport that failed.</summary>
    public string? TransportName { get; init; }

    /// <summary>The SMTP reply code (e.g. 535) or HTTP status code, when the server answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The RFC 3463 enhanced status code (e.g. <c>5.7.8</c>), when the server sent one.</summary>
    public string? EnhancedStatusCode { get; init; }

    /// <summary>The server's reply text or HTTP error body (truncated), when there was one.</summary>
    public string? ServerResponse { get; init; }

    /// <summary>Whether some or all of the message may already have been accepted (e.g. a connection dropped after DATA).</summary>
    public bool MayHaveBeenDelivered { get; init; }

    /// <summary>How long the server asked the sender to wait before trying again (HTTP <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// How many delivery attempts were made before giving up: 1 for a single transport, more when a dispatcher retried
    /// or failed over.
    /// </summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// Every failed attempt, oldest first, when a dispatcher tried more than once (each names its transport);
    /// empty for a single attempt. This exception describes the last one.
    /// </summary>
    public IReadOnlyList<MailDeliveryException> AttemptFailures { get; init; } = [];

    /// <summary>The description without the hint.</summary>
    internal string Description => base.Message;

    /// <summary>This failure as the last of several attempts: the same facts, with the attempt count and history.</summary>
    internal MailDeliveryException AsLastOf(int attempts, IReadOnlyList<MailDeliveryException> failures) =>
        new(Kind, base.Message, Hint, InnerException)
        {
            TransportName = TransportName,
            StatusCode = StatusCode,
            EnhancedStatusCode = EnhancedStatusCode,
            ServerResponse = ServerResponse,
            MayHaveBeenDelivered = MayHaveBeenDelivered,
            RetryAfter = RetryAfter,
            Attempts = attempts,
            AttemptFailures = failures,
        };

    /// <inheritdoc />
    public override string Message => Hint is null ? base.Message : $"{base.Message} {Hint}";
}
