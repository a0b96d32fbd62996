namespace Mailing.Transports.Http;

/// <summary>
/// The priority headers MimeMessageFactory writes over SMTP (through MimeKit), as name/value pairs for the HTTP APIs,
/// so a message reads alike whichever transport carries it.
/// </summary>
internal static class PriorityHeaders
{
    private static readonly KeyValuePair<string, string>[] High =
        [new("X-Priority", "1 (Highest)"), new("Importance", "high"), new("Priority", "urgent")];

    private static readonly KeyValuePair<string, string>[] Low =
        [new("X-Priority", "5 (Lowest)"), new("Importance", "low"), new("Priority", "non-urgent")];

    /// <summary>The headers for <paramref name="priority"/>; none for normal priority.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(EmailPriority priority) => priority switch
    {
        EmailPriority.High => High,
        EmailPriority.Low => Low,
        _ => [],
    };
}
