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

    /// <summary>
    /// Ports tried in order, with the same TLS mode, when the TCP connection to <see cref="Port"/> itself fails or times out
    /// (e.g. <c>[2525]</c> where a network blocks 587). Never after the server has greeted, and never after an
    /// authentication failure: those are answers, not a blocked port. Empty by default.
    /// </summary>
    public IList<int> FallbackPorts { get; } = new List<int>();

    /// <summary>Allows port 25. Submission belongs on 587 or 465; set this only for a relay you know listens on 25.</summary>
    public bool AllowPort25 { get; set; }

    /// <summary>The longest a connection (TCP, TLS and greeting) may take. 15 seconds by default.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest a single network read or write may take. 30 seconds by default.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one send may take from start to finish: waiting for a pooled connection, connecting,
    /// authenticating and transferring the message. 2 minutes by default.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The name announced in <c>EHLO</c>; when <see langword="null"/>, the local address of the connection as an address literal (e.g. <c>[10.0.0.5]</c>).</summary>
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

    /// <summary>Problems found while reading configuration (unparsable values), reported by start-up validation.</summary>
    internal List<string> BindingErrors { get; } = [];

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

    /// <summary>
    /// Builds options from a DSN: <c>smtp://user:password@smtp.example.com:587</c> (STARTTLS; implicit TLS on 465)
    /// or <c>smtps://user:password@smtp.example.com</c> (implicit TLS, port 465 by default).
    /// </summary>
    /// <param name="dsn">The parsed DSN. Query options: <c>security</c> (<c>auto</c>, <c>starttls</c>, <c>implicittls</c>, <c>none</c>),
    /// <c>local_domain</c>, <c>timeout</c> (seconds per network operation), <c>pool_size</c>, <c>allow_port_25</c>, <c>fallback_ports</c> (comma-separated).</param>
    /// <returns>New options; user name and password come from the DSN's user info.</returns>
    /// <exception cref="ArgumentException">The scheme is not <c>smtp</c>/<c>smtps</c>, the host is <c>default</c>, an option has a bad value,
    /// or the DSN asks to turn certificate verification off (<c>verify_peer=0</c>), which is not supported.</exception>
    public static SmtpOptions FromDsn(TransportDsn dsn)
    {
        ArgumentNullException.ThrowIfNull(dsn);
        if (dsn.Scheme is not ("smtp" or "smtps"))
        {
            throw new ArgumentException($"\"{dsn.Scheme}://\" is not an SMTP DSN. Use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (implicit TLS).", nameof(dsn));
        }

        if (string.Equals(dsn.Host, "default", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"\"{dsn}\" has no SMTP host: \"default\" only means something for provider API transports. Write the server name, e.g. smtp://apikey:KEY@smtp.sendgrid.net:587.", nameof(dsn));
        }

        var implicitTls = dsn.Scheme == "smtps";
        var options = new SmtpOptions
        {
            Host = dsn.Host,
            Port = dsn.Port ?? (implicitTls ? ImplicitTlsPort : SubmissionPort),
            Security = implicitTls ? SmtpSecurity.ImplicitTls : SmtpSecurity.Auto,
            Username = dsn.User,
            Password = dsn.Password,
        };

        foreach (var (key, value) in dsn.Options)
        {
            switch (key.ToLowerInvariant())
            {
                case "security" when Enum.TryParse<SmtpSecurity>(value, ignoreCase: true, out var security) && Enum.IsDefined(security):
                    options.Security = security;
                    break;
                case "local_domain":
                    options.LocalDomain = value;
                    break;
                case "timeout" when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options.OperationTimeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "pool_size" when int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var poolSize):
                    options.PoolSize = poolSize;
                    break;
                case "allow_port_25" when bool.TryParse(value, out var allow):
                    options.AllowPort25 = allow;
                    break;
                case "fallback_ports" when value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)):
                    foreach (var fallback in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.FallbackPorts.Add(int.Parse(fallback, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                case "verify_peer" when value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase):
                    break;
                case "verify_peer":
                    throw new ArgumentException($"\"{dsn}\" asks to turn certificate verification off, which Mailing does not do. Trust a self-signed or private-CA certificate explicitly with SmtpOptions.TrustedCertificates (or Smtp:TrustedCertificateFiles).", nameof(dsn));
                default:
                    throw new ArgumentException($"\"{dsn}\" has the option {key}={value}, which is unknown or has a bad value. Known options: security=auto|starttls|implicittls|none, local_domain=NAME, timeout=SECONDS, pool_size=N, allow_port_25=true|false, fallback_ports=2525[,...].", nameof(dsn));
            }
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
