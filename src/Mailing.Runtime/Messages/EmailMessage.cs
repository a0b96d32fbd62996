namespace Mailing;

/// <summary>One email, independent of the transport that delivers it.</summary>
/// <remarks>Placeholder shape: the runtime-core work completes it.</remarks>
public sealed record EmailMessage
{
    /// <summary>The author.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>Primary recipients.</summary>
    public IReadOnlyList<EmailAddress> To { get; init; } = [];

    /// <summary>The subject line.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The HTML body.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>The plain-text body.</summary>
    public string? TextBody { get; init; }
}
