namespace Mailing;

/// <summary>Why a message could not be delivered; decides whether a retry can help.</summary>
public enum MailFailureKind
{
    /// <summary>The server could not be reached: refused, unreachable, DNS, or dropped connection.</summary>
    Connection,

    /// <summary>TLS could not be established or the certificate was not trusted.</summary>
    Tls,

    /// <summary>The credentials were refused (SMTP 535, HTTP 401/403).</summary>
    Authentication,

    /// <summary>The server refused the message or its recipients for good (SMTP 5xx, HTTP 4xx).</summary>
    Rejected,

    /// <summary>The server asked to slow down (SMTP 421/451 rate limits, HTTP 429).</summary>
    RateLimited,

    /// <summary>The operation did not finish within the configured deadline.</summary>
    Timeout,

    /// <summary>The configuration is wrong or incomplete; nothing was sent.</summary>
    Configuration,

    /// <summary>A temporary failure (SMTP 4xx, HTTP 5xx) that a later attempt may overcome.</summary>
    Transient,
}
