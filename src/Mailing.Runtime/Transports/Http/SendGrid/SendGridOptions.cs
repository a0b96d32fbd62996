using Microsoft.Extensions.Configuration;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>Settings for <see cref="SendGridTransport"/>: the API key, and the region or endpoint to send to.</summary>
/// <remarks>
/// <para>
/// The key needs the <em>Mail Send</em> permission. An EU regional subuser's key works only with
/// <see cref="Region"/> set to <see cref="SendGridRegion.EU"/>, a global key only without it: the wrong pairing is
/// refused as an authentication failure.
/// </para>
/// <para>
/// In a DSN: <c>sendgrid+api://KEY@default</c>, or <c>sendgrid+api://KEY@default?region=eu</c> for the EU host. In
/// configuration: <c>ApiKey</c>, <c>Region</c> (<c>global</c> or <c>eu</c>), <c>Endpoint</c>, <c>Timeout</c>.
/// <see cref="HttpApiOptions.Endpoint"/>, when set, wins over <see cref="Region"/>.
/// </para>
/// </remarks>
public sealed class SendGridOptions : HttpApiOptions
{
    /// <summary>The DSN scheme of SendGrid's HTTP API: <c>sendgrid+api</c>.</summary>
    public const string Scheme = "sendgrid+api";

    private const string RegionOption = "region";
    private const string RegionValues = "global or eu";

    private static readonly Uri GlobalEndpoint = new("https://api.sendgrid.com/");
    private static readonly Uri EuEndpoint = new("https://api.eu.sendgrid.com/");

    /// <summary>The data-residency region of the account the key belongs to; <see cref="SendGridRegion.Global"/> by default.</summary>
    public SendGridRegion Region { get; set; } = SendGridRegion.Global;

    internal override string ProviderName => "SendGrid";

    internal override Uri DefaultEndpoint => Region == SendGridRegion.EU ? EuEndpoint : GlobalEndpoint;

    /// <summary>Reads <c>sendgrid+api://KEY@default[?region=eu&amp;endpoint=URL&amp;timeout=SECONDS]</c>.</summary>
    /// <param name="dsn">The parsed DSN; its user part is the API key.</param>
    /// <returns>
    /// The options. A value that does not fit (another scheme, a host other than <c>default</c>, an unknown option or
    /// region) is not thrown but recorded, and reported by <see cref="HttpApiOptions.Validate"/> at start-up.
    /// </returns>
    public static SendGridOptions FromDsn(TransportDsn dsn)
    {
        ArgumentNullException.ThrowIfNull(dsn);
        var options = new SendGridOptions { ApiKey = dsn.User ?? dsn.Password };
        if (dsn.Scheme != Scheme)
        {
            options.BindingErrors.Add($"\"{dsn}\" is not a SendGrid API DSN; write {Scheme}://KEY@default.");
        }

        options.RequireDefaultHost(dsn);
        if (dsn.Port is not null || dsn.Path is not null)
        {
            options.BindingErrors.Add($"\"{dsn}\" has a port or path, which a SendGrid API DSN does not take; to send elsewhere add ?endpoint=https://host/.");
        }

        foreach (var (key, value) in dsn.Options)
        {
            if (string.Equals(key, RegionOption, StringComparison.OrdinalIgnoreCase))
            {
                options.SetRegion(value, $"\"{dsn}\" option region");
            }
            else if (!options.TryApplyCommonDsnOption(key, value, dsn))
            {
                options.UnknownDsnOption(dsn, key, "region=global|eu");
            }
        }

        return options;
    }

    /// <summary>Reads <c>ApiKey</c>, <c>Endpoint</c>, <c>Timeout</c> and <c>Region</c> from <paramref name="section"/>; bad values are recorded for start-up validation.</summary>
    internal void Bind(IConfiguration section)
    {
        BindCommon(section);
        if (section[nameof(Region)] is { } region)
        {
            SetRegion(region, $"{(section as IConfigurationSection)?.Path ?? ProviderName}:{nameof(Region)}");
        }
    }

    private protected override void AddProviderErrors(string section, List<string> errors)
    {
        if (!Enum.IsDefined(Region))
        {
            errors.Add($"{section}:Region is {(int)Region}, which is not a SendGrid region; use {RegionValues}.");
        }
        else if (Region == SendGridRegion.EU && Endpoint is { IsAbsoluteUri: true } endpoint
            && string.Equals(endpoint.Host, GlobalEndpoint.Host, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{section}:Region is eu but {section}:Endpoint is the global host {endpoint}; EU subusers' keys work only on {EuEndpoint}. Remove the Endpoint, or the Region if the key is global.");
        }
    }

    private void SetRegion(string text, string what)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "global":
                Region = SendGridRegion.Global;
                break;
            case "eu":
                Region = SendGridRegion.EU;
                break;
            default:
                BindingErrors.Add($"{what} is \"{text}\", which is not a SendGrid region; use {RegionValues}.");
                break;
        }
    }
}
