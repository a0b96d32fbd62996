namespace Mailing;

/// <summary>The recipient's server refused the message. A <see cref="BounceKind.Hard"/> bounce puts the address on the suppression list.</summary>
public sealed record MailBounced : MailEvent
{
    /// <summary>Hard (the address is gone) or soft (this message was refused; the address may work later).</summary>
    public required BounceKind Kind { get; init; }

    /// <summary>The SMTP reply code (e.g. 550), when the provider reports one or its diagnostic text starts with one.</summary>
    public int? SmtpStatusCode { get; init; }

    /// <summary>The RFC 3463 enhanced status code (e.g. <c>5.1.1</c>), when known.</summary>
    public string? EnhancedStatusCode { get; init; }

    /// <summary>The receiving server's text or the provider's description of the bounce.</summary>
    public string? Diagnostic { get; init; }

    /// <summary>The provider's own classification (SendGrid's <c>bounce</c>/<c>blocked</c>, Postmark's <c>HardBounce</c>, Mailgun's reason, Resend's type), for finer rules.</summary>
    public string? ProviderBounceType { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        // The diagnostic often quotes the address; a logged event shows only codes.
        base.PrintMembers(builder);
        builder.Append(", Kind = ").Append(Kind);
        if (EnhancedStatusCode is not null)
        {
            builder.Append(", EnhancedStatusCode = ").Append(EnhancedStatusCode);
        }

        return true;
    }
}
