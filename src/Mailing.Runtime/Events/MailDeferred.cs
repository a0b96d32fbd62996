namespace Mailing;

/// <summary>The recipient's server refused the message for now; the provider will try again.</summary>
public sealed record MailDeferred : MailEvent
{
    /// <summary>The SMTP reply code (e.g. 421), when known.</summary>
    public int? SmtpStatusCode { get; init; }

    /// <summary>The RFC 3463 enhanced status code (e.g. <c>4.2.2</c>), when known.</summary>
    public string? EnhancedStatusCode { get; init; }

    /// <summary>The receiving server's text or the provider's description.</summary>
    public string? Diagnostic { get; init; }

    /// <summary>Which delivery attempt this was, when the provider counts them.</summary>
    public int? Attempt { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        // The diagnostic often quotes the address; a logged event shows only codes.
        base.PrintMembers(builder);
        if (EnhancedStatusCode is not null)
        {
            builder.Append(", EnhancedStatusCode = ").Append(EnhancedStatusCode);
        }

        return true;
    }
}
