using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Smtp;

/// <summary>
/// The host, port and TLS mode one piece of configuration connects with, as far as they are
/// known at compile time. Unknown settings (read from configuration) are null and never reported.
/// </summary>
internal sealed class SmtpEndpoint
{
    /// <summary>What is configured, for messages ("MailKit SmtpClient.Connect", "appsettings.json").</summary>
    public required string Source { get; init; }

    public SmtpSetting<string>? Host { get; init; }

    public SmtpSetting<int>? Port { get; init; }

    /// <summary>True when a port is set but not known at compile time (e.g. read from configuration).</summary>
    public bool PortIsUnknown { get; init; }

    public SmtpSetting<TlsMode>? Mode { get; init; }

    public ModeSyntax ModeSyntax { get; init; }

    /// <summary>
    /// Where the name of the property holding the mode is written (FluentEmail's <c>UseSsl</c>), for
    /// fixes that must move the setting to another property; null elsewhere.
    /// </summary>
    public Location? ModeNameLocation { get; init; }

    /// <summary>
    /// What a plain-text finding says after <see cref="Source"/>, when the usual advice (require STARTTLS)
    /// cannot be followed where the code is written; null for the usual advice.
    /// </summary>
    public string? PlainTextMessage { get; init; }

    /// <summary>
    /// Whether credentials are known to travel over this connection (a user name or password in the same
    /// settings, an <c>Authenticate</c> call in the same method): only then does a plain-text finding speak of them.
    /// </summary>
    public bool SendsCredentials { get; init; }

    /// <summary>Mailing's explicit opt-in to port 25 (<c>AllowPort25 = true</c>).</summary>
    public bool AllowsPort25 { get; init; }

    /// <summary>False for System.Net.Mail, which speaks only STARTTLS.</summary>
    public bool SupportsImplicitTls { get; init; } = true;
}
