namespace Mailing.Analyzers.Smtp;

/// <summary>The SMTP ports and what each expects (RFC 8314, RFC 6409).</summary>
internal static class SmtpPorts
{
    /// <summary>Relay between servers (RFC 5321); blocked outbound by most cloud providers.</summary>
    public const int Relay = 25;

    /// <summary>Submission with implicit TLS (RFC 8314).</summary>
    public const int ImplicitTlsSubmission = 465;

    /// <summary>Submission with STARTTLS (RFC 6409).</summary>
    public const int Submission = 587;

    /// <summary>A common alternative submission port (SendGrid, Mailgun, ...) that speaks STARTTLS.</summary>
    public const int AlternativeSubmission = 2525;

    /// <summary>Ports where the server greets in plain text and TLS starts with STARTTLS.</summary>
    public static bool ExpectsStartTls(int port)
        => port == Relay || port == Submission || port == AlternativeSubmission;
}
