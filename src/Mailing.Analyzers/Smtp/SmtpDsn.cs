using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.Smtp;

/// <summary>
/// The parts of an SMTP DSN (<c>smtp://user:pass@host:587</c>, <c>smtps://host:465</c>) with
/// their spans inside the string, so a diagnostic can point at the port or the password.
/// </summary>
/// <remarks>
/// Schemes follow Symfony's DSN, which Mailing adopts: <c>smtps</c> is implicit TLS, <c>smtp</c>
/// lets the transport choose (implicit TLS on 465, required STARTTLS elsewhere). The query options
/// <c>security=auto|starttls|implicittls|none</c> and <c>allow_port_25=true</c> are Mailing's (docs/smtp.md).
/// </remarks>
internal sealed class SmtpDsn
{
    private SmtpDsn(bool isImplicitTls, TextSpan scheme, string host, TextSpan hostSpan)
    {
        IsImplicitTls = isImplicitTls;
        Scheme = scheme;
        Host = host;
        HostSpan = hostSpan;
    }

    public bool IsImplicitTls { get; }

    public TextSpan Scheme { get; }

    public string Host { get; }

    public TextSpan HostSpan { get; }

    public int? Port { get; private set; }

    public TextSpan PortSpan { get; private set; }

    public string? Password { get; private set; }

    public TextSpan PasswordSpan { get; private set; }

    /// <summary>The mode named by <c>security=</c>; null for <c>auto</c> or when absent.</summary>
    public TlsMode? Security { get; private set; }

    public TextSpan SecuritySpan { get; private set; }

    public bool AllowsPort25 { get; private set; }

    /// <summary>Describes the DSN as an endpoint; <paramref name="locate"/> maps a span of the string to the file.</summary>
    public SmtpEndpoint ToEndpoint(string source, Func<TextSpan, Location> locate)
    {
        SmtpSetting<TlsMode>? mode = Security is { } security
            ? new SmtpSetting<TlsMode>(security, locate(SecuritySpan), IsLiteral: false)
            : IsImplicitTls ? new SmtpSetting<TlsMode>(TlsMode.Implicit, locate(Scheme), IsLiteral: false) : null;
        return new SmtpEndpoint
        {
            Source = source,
            Host = new SmtpSetting<string>(Host, locate(HostSpan), IsLiteral: false),
            Port = Port is { } port ? new SmtpSetting<int>(port, locate(PortSpan), IsLiteral: false) : null,
            Mode = mode,
            AllowsPort25 = AllowsPort25,
            SendsCredentials = Password is not null,
        };
    }

    /// <summary>Parses <paramref name="text"/>, or returns null when it is not an SMTP DSN with a host.</summary>
    public static SmtpDsn? TryParse(string text)
    {
        bool isImplicitTls;
        int authorityStart;
        if (text.StartsWith("smtps://", StringComparison.OrdinalIgnoreCase))
        {
            isImplicitTls = true;
            authorityStart = "smtps://".Length;
        }
        else if (text.StartsWith("smtp://", StringComparison.OrdinalIgnoreCase))
        {
            isImplicitTls = false;
            authorityStart = "smtp://".Length;
        }
        else
        {
            return null;
        }

        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = text.Length;
        }

        // The last '@' ends the user info: passwords may contain '@' unencoded.
        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        string? password = null;
        var passwordSpan = default(TextSpan);
        var hostStart = authorityStart;
        if (at >= 0)
        {
            var colon = text.IndexOf(':', authorityStart, at - authorityStart);
            if (colon >= 0)
            {
                password = text.Substring(colon + 1, at - colon - 1);
                passwordSpan = TextSpan.FromBounds(colon + 1, at);
            }

            hostStart = at + 1;
        }

        var portColon = text.LastIndexOf(':', authorityEnd - 1, authorityEnd - hostStart);
        if (portColon >= 0 && text.IndexOf(']', portColon) >= 0)
        {
            portColon = -1;
        }

        var hostEnd = portColon >= 0 ? portColon : authorityEnd;
        if (hostEnd <= hostStart)
        {
            return null;
        }

        var dsn = new SmtpDsn(
            isImplicitTls,
            new TextSpan(0, authorityStart - "://".Length),
            text.Substring(hostStart, hostEnd - hostStart),
            TextSpan.FromBounds(hostStart, hostEnd))
        {
            Password = password,
            PasswordSpan = passwordSpan,
        };

        if (portColon >= 0)
        {
            var portText = text.Substring(portColon + 1, authorityEnd - portColon - 1);
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return null;
            }

            dsn.Port = port;
            dsn.PortSpan = TextSpan.FromBounds(portColon + 1, authorityEnd);
        }

        dsn.ReadQuery(text);
        return dsn;
    }

    private void ReadQuery(string text)
    {
        var question = text.IndexOf('?');
        if (question < 0)
        {
            return;
        }

        var end = text.IndexOf('#', question);
        end = end < 0 ? text.Length : end;
        for (var start = question + 1; start < end;)
        {
            var ampersand = text.IndexOf('&', start, end - start);
            var pairEnd = ampersand < 0 ? end : ampersand;
            var equals = text.IndexOf('=', start, pairEnd - start);
            if (equals > start)
            {
                var key = text.Substring(start, equals - start);
                var value = text.Substring(equals + 1, pairEnd - equals - 1);
                if (key.Equals("security", StringComparison.OrdinalIgnoreCase))
                {
                    Security = value.ToUpperInvariant() switch
                    {
                        "NONE" => TlsMode.None,
                        "STARTTLS" => TlsMode.StartTls,
                        "IMPLICITTLS" => TlsMode.Implicit,
                        _ => null,
                    };
                    SecuritySpan = TextSpan.FromBounds(equals + 1, pairEnd);
                }
                else if (key.Equals("allow_port_25", StringComparison.OrdinalIgnoreCase))
                {
                    AllowsPort25 = value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1";
                }
            }

            start = pairEnd + 1;
        }
    }
}
