using System.Threading;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// Describes a configured System.Net.Mail <c>SmtpClient</c>, Mailing <c>SmtpOptions</c> or FluentEmail
/// <c>SmtpClientOptions</c> as an <see cref="SmtpEndpoint"/>.
/// </summary>
internal static class SmtpInstanceEndpoints
{
    public static SmtpEndpoint ForSystemNetMail(ConfiguredInstance instance, CancellationToken cancellationToken)
    {
        SmtpSetting<TlsMode>? mode = null;
        if (instance.Setting("EnableSsl") is { } enableSsl && SettingReader.Bool(enableSsl, cancellationToken) is { } flag)
        {
            // EnableSsl = true is STARTTLS: System.Net.Mail has no implicit TLS.
            mode = new SmtpSetting<TlsMode>(flag ? TlsMode.StartTls : TlsMode.None, SettingReader.LocationOf(enableSsl), ConstantValues.IsWrittenInPlace(enableSsl));
        }

        var port = SettingReader.Int(instance.Setting("port"), cancellationToken);
        return new SmtpEndpoint
        {
            Source = "System.Net.Mail.SmtpClient",
            Host = SettingReader.String(instance.Setting("host"), cancellationToken),
            Port = port,
            PortIsUnknown = instance.IsSet("port") && port is null,
            Mode = mode,
            ModeSyntax = ModeSyntax.EnableSsl,
            SupportsImplicitTls = false,
            SendsCredentials = instance.IsSet("Credentials"),
        };
    }

    public static SmtpEndpoint ForMailingOptions(ConfiguredInstance instance, CancellationToken cancellationToken)
    {
        var port = SettingReader.Int(instance.Setting("Port"), cancellationToken);
        return new SmtpEndpoint
        {
            Source = "SmtpOptions",
            Host = SettingReader.String(instance.Setting("Host"), cancellationToken),
            Port = port,
            PortIsUnknown = instance.IsSet("Port") && port is null,
            Mode = SettingReader.EnumMode(instance.Setting("Security"), cancellationToken),
            ModeSyntax = ModeSyntax.SmtpSecurity,
            AllowsPort25 = SettingReader.Bool(instance.Setting("AllowPort25"), cancellationToken) == true,
            SendsCredentials = instance.IsSet("Username") || instance.IsSet("Password"),
        };
    }

    /// <summary>
    /// Reads FluentEmail.MailKit's options the way its <c>MailKitSender</c> connects: with
    /// <c>SocketOptions</c> when it has a value, else MailKit's <c>Connect(Server, Port, UseSsl)</c>, where
    /// <c>UseSsl = false</c> is STARTTLS when available. Unwritten <c>Port</c> (25) and <c>UseSsl</c> (false)
    /// count only when <see cref="FluentEmailDefaults.AreInView"/> and the server is a known remote host.
    /// Null when the options deliver to a pickup directory, which never opens a connection.
    /// </summary>
    public static SmtpEndpoint? ForFluentEmail(ConfiguredInstance instance, MailSymbols symbols, CancellationToken cancellationToken)
    {
        if (instance.IsSet("UsePickupDirectory") && SettingReader.Bool(instance.Setting("UsePickupDirectory"), cancellationToken) != false)
        {
            return null;
        }

        var host = SettingReader.String(instance.Setting("Server"), cancellationToken);
        var defaultsAt = host is { } server && !SmtpHostNames.IsLoopback(server.Value) && FluentEmailDefaults.AreInView(instance, symbols)
            ? SettingReader.CreationLocation(instance.Creation!)
            : null;

        SmtpSetting<int>? port = null;
        if (instance.IsSet("Port"))
        {
            // Port 0 lets MailKit choose from the mode, as in Connect(host, 0, ...).
            port = SettingReader.Int(instance.Setting("Port"), cancellationToken) is { Value: not 0 } written ? written : null;
        }
        else if (defaultsAt is { } creation)
        {
            port = new SmtpSetting<int>(SmtpPorts.Relay, creation, IsLiteral: false, IsDefault: true);
        }

        SmtpSetting<TlsMode>? mode = null;
        var syntax = ModeSyntax.FluentEmailUseSsl;
        Location? useSslName = null;
        if (instance.IsSet("SocketOptions"))
        {
            mode = SettingReader.EnumMode(instance.Setting("SocketOptions"), cancellationToken);
            syntax = ModeSyntax.SecureSocketOptions;
        }
        else if (instance.IsSet("UseSsl"))
        {
            if (instance.Setting("UseSsl") is { } useSsl && SettingReader.Bool(useSsl, cancellationToken) is { } flag)
            {
                mode = new SmtpSetting<TlsMode>(flag ? TlsMode.Implicit : TlsMode.Opportunistic, SettingReader.LocationOf(useSsl), ConstantValues.IsWrittenInPlace(useSsl));
                useSslName = SettingReader.AssignedPropertyNameLocation(useSsl);
            }
        }
        else if (defaultsAt is { } creation)
        {
            mode = new SmtpSetting<TlsMode>(TlsMode.Opportunistic, creation, IsLiteral: false, IsDefault: true);
        }

        return new SmtpEndpoint
        {
            Source = FluentEmailSource(port?.IsDefault == true, mode?.IsDefault == true),
            Host = host,
            Port = port,
            PortIsUnknown = port is null,
            Mode = mode,
            ModeSyntax = syntax,
            ModeNameLocation = useSslName,
            SendsCredentials = instance.IsSet("User") || instance.IsSet("Password") || SettingReader.Bool(instance.Setting("RequiresAuthentication"), cancellationToken) == true,
        };
    }

    /// <summary>Says which FluentEmail defaults a finding relies on, so a setting the code never wrote is not a mystery.</summary>
    private static string FluentEmailSource(bool portIsDefault, bool modeIsDefault) => (portIsDefault, modeIsDefault) switch
    {
        (true, true) => "FluentEmail's SmtpClientOptions without Port, UseSsl or SocketOptions (FluentEmail's defaults: port 25, MailKit's useSsl: false)",
        (true, false) => "FluentEmail's SmtpClientOptions without a Port (FluentEmail's default is 25)",
        (false, true) => "FluentEmail's SmtpClientOptions without UseSsl or SocketOptions (so FluentEmail connects with MailKit's useSsl: false)",
        _ => "FluentEmail's SmtpClientOptions",
    };
}
