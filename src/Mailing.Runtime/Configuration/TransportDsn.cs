using System.Globalization;

namespace Mailing;

/// <summary>
/// A transport named in one string, Symfony Mailer style:
/// <c>scheme://[user[:password]@]host[:port][/path][?option=value&amp;...]</c>, e.g.
/// <c>smtp://apikey:SECRET@smtp.sendgrid.net:587</c> or <c>pickup://default/var/mail/outbox</c>.
/// </summary>
/// <remarks>
/// User and password are percent-decoded, so a password containing <c>@</c>, <c>:</c> or <c>/</c> must be
/// written as <c>%40</c>, <c>%3A</c> or <c>%2F</c>. <see cref="ToString"/> never shows the password.
/// <c>failover(...)</c> and <c>roundrobin(...)</c> lists are not a single DSN; the dispatcher parses those.
/// </remarks>
public sealed record TransportDsn
{
    /// <summary>Creates a DSN from its parts.</summary>
    /// <param name="scheme">The transport kind, lower case (e.g. <c>smtp</c>, <c>smtps</c>, <c>postmark+api</c>).</param>
    /// <param name="host">The host name, or <c>default</c> for a provider's own host.</param>
    public TransportDsn(string scheme, string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentNullException.ThrowIfNull(host);
        Scheme = scheme.ToLowerInvariant();
        Host = host;
    }

    /// <summary>The transport kind, lower case, e.g. <c>smtp</c> or <c>smtps</c>.</summary>
    public string Scheme { get; }

    /// <summary>The host, without brackets for IPv6 literals; <c>default</c> means the provider's own host.</summary>
    public string Host { get; }

    /// <summary>The user name (percent-decoded), or <see langword="null"/>.</summary>
    public string? User { get; init; }

    /// <summary>The password or API token (percent-decoded), or <see langword="null"/>. Never shown by <see cref="ToString"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The port, or <see langword="null"/> for the transport's default.</summary>
    public int? Port { get; init; }

    /// <summary>The path after the host, percent-decoded and with its leading <c>/</c> (<c>pickup://default/var/mail</c> gives <c>/var/mail</c>), or <see langword="null"/>.</summary>
    public string? Path { get; init; }

    /// <summary>The query options (<c>?timeout=30&amp;local_domain=app.example</c>), keys compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the option <paramref name="name"/>, or <paramref name="defaultValue"/> when it is absent.</summary>
    public string? GetOption(string name, string? defaultValue = null) =>
        Options.TryGetValue(name, out var value) ? value : defaultValue;

    /// <summary>Parses a DSN.</summary>
    /// <param name="dsn">The DSN text.</param>
    /// <exception cref="FormatException">The text is not a DSN; the message says which part is wrong and never contains the password.</exception>
    public static TransportDsn Parse(string dsn)
    {
        ArgumentNullException.ThrowIfNull(dsn);
        return TryParse(dsn, out var result, out var error) ? result : throw new FormatException(error);
    }

    /// <summary>Parses a DSN, reporting failure instead of throwing.</summary>
    /// <param name="dsn">The DSN text.</param>
    /// <param name="result">The DSN, when the method returns <see langword="true"/>.</param>
    /// <param name="error">Why the text is not a DSN (without the password), when the method returns <see langword="false"/>.</param>
    public static bool TryParse(
        string? dsn,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TransportDsn? result,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        result = null;
        const string Example = "e.g. \"smtp://user:password@smtp.example.com:587\"";
        if (string.IsNullOrWhiteSpace(dsn))
        {
            error = $"The transport DSN is empty; expected scheme://user:password@host:port, {Example}.";
            return false;
        }

        var text = dsn.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var parenthesis = text.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0 && (schemeEnd < 0 || parenthesis < schemeEnd))
        {
            error = $"\"{Redact(text)}\" is a transport list (failover/roundrobin), not a single DSN.";
            return false;
        }

        if (schemeEnd <= 0)
        {
            error = $"\"{Redact(text)}\" is not a transport DSN: it has no scheme; expected scheme://host, {Example}.";
            return false;
        }

        var scheme = text[..schemeEnd];
        if (!scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            error = $"The transport DSN scheme \"{scheme}\" may contain only letters, digits, '+', '-' and '.'.";
            return false;
        }

        var rest = text[(schemeEnd + 3)..];
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            foreach (var pair in rest[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                options[key] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            }

            rest = rest[..queryStart];
        }

        // The password may legitimately contain '@' or '/' when not percent-encoded; the host never does,
        // so the last '@' before the path separates credentials from the host.
        string? user = null, password = null;
        var pathStart = rest.IndexOf('/', rest.LastIndexOf('@') + 1);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? null : Uri.UnescapeDataString(rest[pathStart..]);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = authority[..at];
            authority = authority[(at + 1)..];
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(credentials[(colon + 1)..]);
            if (user.Length == 0)
            {
                user = null;
            }
        }

        string host;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"The transport DSN \"{Redact(text)}\" has an IPv6 host without a closing ']'.";
                return false;
            }

            host = authority[1..close];
            if (close + 1 < authority.Length)
            {
                if (authority[close + 1] != ':')
                {
                    error = $"The transport DSN \"{Redact(text)}\" has text after the IPv6 host that is not a port.";
                    return false;
                }

                portText = authority[(close + 2)..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            error = $"The transport DSN \"{Redact(text)}\" has no host; write the server name, or \"default\" for a provider's own host.";
            return false;
        }

        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPort) || parsedPort is < 1 or > 65535)
            {
                error = $"The transport DSN \"{Redact(text)}\" has the port \"{portText}\", which is not a number from 1 to 65535.";
                return false;
            }

            port = parsedPort;
        }

        result = new TransportDsn(scheme, Uri.UnescapeDataString(host))
        {
            User = user,
            Password = password,
            Port = port,
            Path = string.IsNullOrEmpty(path) || path == "/" ? null : path,
            Options = options,
        };
        error = null;
        return true;
    }

    /// <summary>
    /// Whether the user part is a secret: provider API DSNs (<c>postmark+api://TOKEN@default</c>) carry the key there.
    /// </summary>
    public bool UserIsSecret => IsApiScheme(Scheme);

    /// <summary>The DSN with the password (and, for provider API DSNs, the key in the user part) replaced by <c>****</c>, safe to log.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder(Scheme).Append("://");
        if (User is not null)
        {
            builder.Append(UserIsSecret ? "****" : Uri.EscapeDataString(User));
        }

        if (Password is not null)
        {
            builder.Append(":****");
        }

        if (User is not null || Password is not null)
        {
            builder.Append('@');
        }

        builder.Append(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        if (Path is not null)
        {
            builder.Append(Path);
        }

        if (Options.Count > 0)
        {
            builder.Append('?').AppendJoin('&', Options.Select(o => $"{Uri.EscapeDataString(o.Key)}={Uri.EscapeDataString(o.Value)}"));
        }

        return builder.ToString();
    }

    /// <summary>Replaces the password (for provider API DSNs, all of the user part) in a DSN-looking string with <c>****</c>, for error messages.</summary>
    internal static string Redact(string dsn)
    {
        var schemeEnd = dsn.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var at = dsn.LastIndexOf('@');
        if (at < start)
        {
            return dsn;
        }

        if (schemeEnd > 0 && IsApiScheme(dsn[..schemeEnd]))
        {
            return string.Concat(dsn.AsSpan(0, start), "****", dsn.AsSpan(at));
        }

        var colon = dsn.IndexOf(':', start);
        return colon < 0 || colon > at ? dsn : string.Concat(dsn.AsSpan(0, colon + 1), "****", dsn.AsSpan(at));
    }

    private static bool IsApiScheme(string scheme) => scheme.EndsWith("+api", StringComparison.OrdinalIgnoreCase);
}
