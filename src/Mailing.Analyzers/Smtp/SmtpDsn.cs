using System;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.Smtp;

/// <summary>
/// The parts of an SMTP DSN (<c>smtp://user:pass@host:587</c>, <c>smtps://host:465</c>) with
/// their spans inside the string, so a diagnostic can point at the port or the password.
/// </summary>
/// <remarks>
/// Schemes follow Symfony's DSN, which Mailing adopts: <c>smtps</c> is implicit TLS, <c>smtp</c>
/// lets the transport choose (implicit TLS on 465, STARTTLS elsewhere).
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

        return dsn;
    }
}
