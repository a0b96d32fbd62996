namespace Mailing.Transports.Smtp;

/// <summary>The plain-words advice attached to SMTP failures; built from host, port and codes only, never from secrets.</summary>
internal static class SmtpHints
{
    /// <summary>What to check when nothing accepted the connection, by situation: this machine, port 25, or a remote server.</summary>
    public static string ConnectionRefused(string host, int port) =>
        IsLoopback(host)
            ? $"Nothing listens on {host}:{port} on this machine. Start the server you meant (for development, the local inbox: `mailing dev` takes SMTP on localhost:4125), or fix the port in the configuration (Mailing:Smtp:Port or the DSN)."
            : port == SmtpOptions.RelayPort
                ? $"Nothing accepted the connection on {host}:{port}. Port 25 is the relay port and is usually blocked for outbound traffic: submit on 587 (STARTTLS) or 465 (implicit TLS)."
                : $"Nothing accepted the connection on {host}:{port}. Check the host, the port (587 for STARTTLS, 465 for implicit TLS) and any firewall between this machine and the server.";

    public static string HostNotFound(string host) =>
        $"The host name '{host}' could not be resolved. Check Mailing:Smtp:Host for typos and that DNS works from this machine.";

    /// <summary>What to check when connecting timed out: the likely cause differs for this machine, port 25 and other ports.</summary>
    public static string ConnectTimeout(string host, int port) =>
        IsLoopback(host)
            ? $"{host}:{port} on this machine accepted the connection but never greeted: the process listening there is stuck or is not an SMTP server, or the TLS mode does not match the port (465 = implicit TLS, 587 = STARTTLS)."
            : port == SmtpOptions.RelayPort
                ? $"No answer from {host}:{port} within the connect timeout. Port 25 is blocked for outbound traffic by most clouds and ISPs: submit on 587 (STARTTLS) or 465 (implicit TLS)."
                : $"No answer from {host}:{port} within the connect timeout. Usually a firewall or the network drops the traffic: check the host and the outbound rules. If the server accepted the connection " +
                  "but never greeted, the TLS mode may not match the port (465 = implicit TLS, 587 = STARTTLS).";

    public static string ServerSilent(string host, int port) =>
        $"{host}:{port} accepted the connection but did not answer in time. Check that it is an SMTP server and the TLS mode is right " +
        "(465 = implicit TLS, 587 = STARTTLS).";

    public const string SendDeadline =
        "The whole send did not finish within Mailing:Smtp:SendTimeout. The server is slow or overloaded, or all pooled connections were busy; " +
        "retry later or raise SendTimeout/PoolSize.";

    public const string AuthenticationFailed =
        "The server refused the credentials (SMTP 535, usually 5.7.8). Check Mailing:Smtp:Username and Password. Providers that take an API key as the password " +
        "need a fixed user name: SendGrid uses 'apikey', Postmark uses the server token as both. Gmail needs an app password.";

    public const string AuthenticationRequired =
        "The server requires authentication. Set Mailing:Smtp:Username and Password (or an OAuth2 token provider).";

    public const string AuthenticationNotOffered =
        "Credentials are configured but the server does not offer AUTH on this connection. Check that this is the submission server and port " +
        "(587 or 465) rather than a relay on port 25.";

    public const string CertificateNotTrusted =
        "The server's TLS certificate was not trusted. If it is self-signed or issued by a private CA, add that certificate to " +
        "SmtpOptions.TrustedCertificates; never turn certificate validation off. Also check that Host matches a name in the certificate.";

    public const string TlsFailed =
        "The TLS handshake failed. Check the TLS mode matches the port (465 = implicit TLS, 587 = STARTTLS) and that the server supports TLS 1.2 or later.";

    public const string StartTlsNotOffered =
        "The server did not offer STARTTLS, and plaintext is never used as a fallback. Use the provider's submission port (587 with STARTTLS, " +
        "or 465 with implicit TLS); a server without TLS is only acceptable on localhost with Security = None.";

    public const string RelayingDenied =
        "The server will not relay for this sender or recipient (550 5.7.1). Authenticate (set Username and Password), use your provider's " +
        "submission server rather than the recipient's MX, and send from a domain or address verified with the provider.";

    public const string CapabilityMissing =
        "The server lacks an SMTP extension this message needs (e.g. SMTPUTF8 for non-ASCII addresses, or 8BITMIME). " +
        "Use ASCII addresses or a provider that supports the extension.";

    public const string SmtpUtf8NotOffered =
        "The part before the '@' is not ASCII, and RFC 6531 forbids handing such a message to a server without SMTPUTF8. " +
        "Use an ASCII address for this person, or send through a provider that supports SMTPUTF8. (Non-ASCII domains need no extension: they travel as punycode.)";

    public const string PolicyRejection =
        "The server refused the message by policy (5.7.x). Check that the sending domain is verified with the provider and passes SPF, " +
        "DKIM and DMARC, and see the server's text for the specific reason.";

    public const string SenderRejected =
        "The server refused the sender address. Use a From address on a domain verified with your provider.";

    public const string RecipientsRejected =
        "The server refused every recipient; nothing was sent. Check the addresses, and with a sandbox account that recipients are verified.";

    public const string TemporaryFailure =
        "The server reported a temporary failure (4xx). Retrying later should work; if it persists, check the provider's status page and sending limits.";

    public const string RateLimited =
        "The server is throttling this sender. Slow down, retry later with backoff, or check your plan's sending limits.";

    public const string MessageTooLarge =
        "The message is larger than the server accepts. Reduce attachment sizes or link to large files instead.";

    public const string ConnectionLostDuringData =
        "The connection was lost after the message was handed over, so the server may have accepted it. It was not retried, to avoid a duplicate; " +
        "check the recipient's inbox or the provider's log before sending again.";

    public const string ConnectionLost =
        "The connection was lost before the message was handed over; nothing was delivered. Retrying is safe.";

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}
