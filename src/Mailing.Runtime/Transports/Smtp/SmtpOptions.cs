using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Mailing.Transports.Smtp;

/// <summary>How <see cref="SmtpTransport"/> reaches, secures and authenticates to an SMTP submission server.</summary>
/// <remarks>
/// <para>
/// The defaults are the safe ones: port 587 with STARTTLS required, certificate validation on. Port 465
/// switches <see cref="SmtpSecurity.Auto"/> to implicit TLS. Port 25 is refused unless
/// <see cref="AllowPort25"/> is set, and <see cref="SmtpSecurity.None"/> only works for a loopback host.
/// </para>
/// <para>
/// To talk to a server with a self-signed or private-CA certificate (a test server, an internal relay), add
/// the certificate or its root to <see cref="TrustedCertificates"/>: it is used as an extra trust anchor when
/// the chain is built, and the host name is still checked. There is no switch that turns validation off.
/// </para>
/// <para>Configuration keys (under <c>Mailing:Smtp</c>) have the property names; <see cref="ToString"/> never shows secrets.</para>
/// </remarks>
public sealed class SmtpOptions
{
    /// <summary>The submission port with STARTTLS (RFC 6409). The default.</summary>
    public const int SubmissionPort = 587;

    /// <summary>The submission port with implicit TLS (RFC 8314).</summary>
    public const int ImplicitTlsPort = 465;

    /// <summary>The server-to-server relay port; blocked for outbound traffic by most clouds and ISPs.</summary>
    public const int RelayPort = 25;

    /// <summary>The SMTP server's host name, e.g. <c>smtp.sendgrid.net</c>. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port; 587 by default. 465 implies implicit TLS under <see cref="SmtpSecurity.Auto"/>.</summary>
    public int Port { get; set; } = SubmissionPort;

    /// <summary>How the connection is encrypted; <see cref="SmtpSecurity.Auto"/> by default.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The user name for <c>AUTH</c>; <see langword="null"/> to send without authenticating.</summary>
    public string? Username { get; set; }

    /// <summary>The password (or API key, for providers that take one as the password). Never logged or shown.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Supplies an OAuth2 access token for <c>AUTH XOAUTH2</c>/<c>OAUTHBEARER</c> (e.g. Microsoft 365, Gmail) instead of
    /// <see cref="Password"/>; called for each new connection, so it can refresh tokens. Needs <see cref="Username"/>.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? AccessTokenProvider { get; set; }

    /// <summary>Allows port 25. Submission belongs on 587 or 465; set this only for a relay you know listens on 25.</summary>
    public bool AllowPort25 { get; set; }

    /// <summary>The longest a connection (TCP, TLS and greeting) may take. 15 seconds by default.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest a single network read or write may take (MailKit's per-I/O timeout). 30 seconds by default.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one send may take from start to finish: waiting for a pooled connection, connecting,
    /// authenticating and transferring the message. 2 minutes by default.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The name announced in <c>EHLO</c>; the machine's name when <see langword="null"/>.</summary>
    public string? LocalDomain { get; set; }

    /// <summary>How many connections may be open at once; sends beyond that wait for a free one. 4 by default.</summary>
    public int PoolSize { get; set; } = 4;

    /// <summary>How long an unused connection is kept open for reuse. 30 seconds by default.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether certificate revocation is checked. On by default.</summary>
    /// <remarks>A private CA that publishes no revocation list may need this off; the chain and host name are still verified.</remarks>
    public bool CheckCertificateRevocation { get; set; } = true;

    /// <summary>
    /// Extra trust anchors for the server certificate: a self-signed test certificate or a private root CA.
    /// The chain must end at one of these (or at a system root), and the host name must match.
    /// </summary>
    public X509Certificate2Collection TrustedCertificates { get; } = [];

    /// <summary>
    /// A provider preset applied to empty settings when bound from configuration: <c>SendGrid</c>, <c>Postmark</c>,
    /// <c>Mailgun</c>, <c>AmazonSes</c> (with <see cref="Region"/>), <c>Gmail</c> or <c>Generic</c>. See <see cref="SmtpPresets"/>.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>The provider region for presets that have one (Amazon SES: e.g. <c>eu-west-1</c>; Mailgun: <c>us</c> or <c>eu</c>).</summary>
    public string? Region { get; set; }

    /// <summary>The TLS mode that will actually be used, after <see cref="SmtpSecurity.Auto"/> is resolved from <see cref="Port"/>.</summary>
    public SmtpSecurity EffectiveSecurity => Security switch
    {
        SmtpSecurity.Auto => Port == ImplicitTlsPort ? SmtpSecurity.ImplicitTls : SmtpSecurity.StartTls,
        _ => Security,
    };

    /// <summary>Whether <see cref="Host"/> names this machine (<c>localhost</c> or a loopback address).</summary>
    public bool IsLoopbackHost =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Builds options from a DSN such as <c>smtp://user:pass@smtp.example.com:587</c> or <c>smtps://...</c>.</summary>
    /// <param name="dsn">The parsed DSN. Schemes: <c>smtp</c> (STARTTLS, or implicit TLS on 465) and <c>smtps</c> (implicit TLS).</param>
    /// <returns>New options; user name and password are taken from the DSN's user info.</returns>
    /// <exception cref="ArgumentException">The DSN's scheme is not an SMTP scheme.</exception>
    public static SmtpOptions FromDsn(Uri dsn)
    {
        ArgumentNullException.ThrowIfNull(dsn);
        var scheme = dsn.Scheme.ToLowerInvariant();
        if (scheme is not ("smtp" or "smtps"))
        {
            throw new ArgumentException($"'{scheme}://' is not an SMTP DSN. Use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (implicit TLS).", nameof(dsn));
        }

        var options = new SmtpOptions
        {
            Host = dsn.IdnHost,
            Security = scheme == "smtps" ? SmtpSecurity.ImplicitTls : SmtpSecurity.Auto,
        };
        options.Port = dsn.IsDefaultPort || dsn.Port < 0
            ? (scheme == "smtps" ? ImplicitTlsPort : SubmissionPort)
            : dsn.Port;

        if (dsn.UserInfo.Length > 0)
        {
            var separator = dsn.UserInfo.IndexOf(':', StringComparison.Ordinal);
            options.Username = Uri.UnescapeDataString(separator < 0 ? dsn.UserInfo : dsn.UserInfo[..separator]);
            options.Password = separator < 0 ? null : Uri.UnescapeDataString(dsn.UserInfo[(separator + 1)..]);
        }

        return options;
    }

    /// <summary>Describes the endpoint without secrets, e.g. <c>smtp://apikey:***@smtp.sendgrid.net:587 (StartTls)</c>.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString()
    {
        var credentials = Username is null
            ? ""
            : $"{Username}:{(Password is not null || AccessTokenProvider is not null ? "***" : "")}@";
        return $"smtp://{credentials}{Host}:{Port} ({EffectiveSecurity})";
    }
}
