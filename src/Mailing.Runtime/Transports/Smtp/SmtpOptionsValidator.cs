using Microsoft.Extensions.Options;

namespace Mailing.Transports.Smtp;

/// <summary>Checks <see cref="SmtpOptions"/> at start-up; every message names the key and says what to put there.</summary>
internal sealed class SmtpOptionsValidator(string sectionPath) : IValidateOptions<SmtpOptions>
{
    private const int MaxPoolSize = 100;

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var errors = Check(options, sectionPath);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Returns every problem with <paramref name="options"/>; empty when they are usable.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="section">The configuration path the keys are reported under, e.g. <c>Mailing:Smtp</c>.</param>
    public static IReadOnlyList<string> Check(SmtpOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = [.. options.BindingErrors];

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add($"{section}:Host is empty. Set it to your SMTP server (e.g. smtp.sendgrid.net), or set {section}:Provider to a preset (SendGrid, Postmark, Mailgun, AmazonSes, Gmail).");
        }
        else if (options.Host.AsSpan().IndexOfAny(" \r\n\t/") >= 0)
        {
            errors.Add($"{section}:Host '{options.Host}' is not a host name. Put only the name or address there (e.g. smtp.example.com), without scheme, path or spaces; the port goes in {section}:Port.");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{section}:Port {options.Port} is not a TCP port. Use 587 (STARTTLS) or 465 (implicit TLS).");
        }
        else if (options.Port == SmtpOptions.RelayPort && !options.AllowPort25)
        {
            errors.Add($"{section}:Port is 25, the server-to-server relay port: most clouds and ISPs block it and it is not meant for submission. Use 587 (STARTTLS) or 465 (implicit TLS); set {section}:AllowPort25 to true only for a relay you know listens on 25.");
        }

        foreach (var fallback in options.FallbackPorts)
        {
            if (fallback is < 1 or > 65535)
            {
                errors.Add($"{section}:FallbackPorts has {fallback}, which is not a TCP port; e.g. [2525].");
            }
            else if (fallback == SmtpOptions.RelayPort && !options.AllowPort25)
            {
                errors.Add($"{section}:FallbackPorts has 25, the relay port, which is blocked where 587 is; use 2525, or set {section}:AllowPort25 for a relay you know listens on 25.");
            }
            else if ((fallback == SmtpOptions.ImplicitTlsPort) != (options.EffectiveSecurity == SmtpSecurity.ImplicitTls))
            {
                errors.Add($"{section}:FallbackPorts has {fallback}, but fallback ports keep the TLS mode of {section}:Port ({options.EffectiveSecurity}), and 465 speaks implicit TLS while other ports greet in plain text. List ports of the same mode, e.g. [2525] for 587.");
            }
        }

        if (options.Security == SmtpSecurity.StartTls && options.Port == SmtpOptions.ImplicitTlsPort)
        {
            errors.Add($"{section}:Security is StartTls but {section}:Port is 465, which speaks TLS from the first byte. Set {section}:Security to Auto or ImplicitTls, or {section}:Port to 587.");
        }

        if (options.Security == SmtpSecurity.ImplicitTls && options.Port is SmtpOptions.SubmissionPort or SmtpOptions.RelayPort or 2525)
        {
            errors.Add($"{section}:Security is ImplicitTls but {section}:Port is {options.Port}, which starts in plaintext and upgrades with STARTTLS. Set {section}:Security to Auto or StartTls, or {section}:Port to 465.");
        }

        if (options.Security == SmtpSecurity.None && !string.IsNullOrWhiteSpace(options.Host) && !options.IsLoopbackHost)
        {
            errors.Add($"{section}:Security is None (plaintext) but {section}:Host '{options.Host}' is not this machine: mail and credentials would cross the network unencrypted. Use Auto, StartTls or ImplicitTls; None is accepted only for localhost, 127.0.0.1 or ::1.");
        }

        if (options.Password is not null && string.IsNullOrEmpty(options.Username))
        {
            errors.Add($"{section}:Password is set but {section}:Username is empty. Set the user name your provider gives you (SendGrid: 'apikey'; Postmark: the server token).");
        }

        if (options.AccessTokenProvider is not null && string.IsNullOrEmpty(options.Username))
        {
            errors.Add($"{section}: an OAuth2 access-token provider is set but {section}:Username is empty. OAuth2 needs the mailbox the token was issued for as the user name.");
        }

        if (options.AccessTokenProvider is not null && options.Password is not null)
        {
            errors.Add($"{section}:Password and an OAuth2 access-token provider are both set. Keep one: the token provider for OAuth2, or the password for AUTH PLAIN/LOGIN.");
        }

        if (options.PoolSize is < 1 or > MaxPoolSize)
        {
            errors.Add($"{section}:PoolSize {options.PoolSize} is out of range. Use 1 to {MaxPoolSize}; providers usually allow a handful of concurrent connections (4 is a good start).");
        }

        CheckPositive(errors, section, nameof(SmtpOptions.ConnectTimeout), options.ConnectTimeout, "00:00:15");
        CheckPositive(errors, section, nameof(SmtpOptions.OperationTimeout), options.OperationTimeout, "00:00:30");
        CheckPositive(errors, section, nameof(SmtpOptions.SendTimeout), options.SendTimeout, "00:02:00");
        CheckPositive(errors, section, nameof(SmtpOptions.IdleTimeout), options.IdleTimeout, "00:00:30");

        if (options.LocalDomain is not null && (options.LocalDomain.Length == 0 || options.LocalDomain.AsSpan().IndexOfAny(" \r\n\t") >= 0))
        {
            errors.Add($"{section}:LocalDomain '{options.LocalDomain}' cannot be announced in EHLO. Use a host name such as app.example.com, or remove the key to use the machine name.");
        }

        return errors;
    }

    private static void CheckPositive(List<string> errors, string section, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan || value.TotalMilliseconds > int.MaxValue)
        {
            errors.Add($"{section}:{key} is {value}; it must be a positive duration under 24 days, e.g. \"{example}\".");
        }
    }
}
