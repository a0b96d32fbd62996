using System.Threading;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.CSharp;

/// <summary>Describes a configured System.Net.Mail <c>SmtpClient</c> or Mailing <c>SmtpOptions</c> as an <see cref="SmtpEndpoint"/>.</summary>
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
        };
    }
}
