using Microsoft.Extensions.Configuration;

namespace Mailing.Transports.Http.Mailgun;

/// <summary>How <see cref="MailgunTransport"/> reaches Mailgun's messages API: the API key, the sending domain and its region.</summary>
/// <remarks>
/// <para>
/// <see cref="HttpApiOptions.ApiKey"/> is a <b>Private API key</b> or a <b>Domain Sending key</b> for <see cref="Domain"/>
/// (Mailgun dashboard, API Security); the public validation key cannot send.
/// </para>
/// <para>
/// A domain lives in one region and only that region's API host knows it: a domain created in the EU needs
/// <see cref="Region"/> <see cref="MailgunRegion.Eu"/> (or an <see cref="HttpApiOptions.Endpoint"/> of
/// <c>https://api.eu.mailgun.net/</c>), or every send fails with HTTP 404 "Domain not found". <see cref="HttpApiOptions.Endpoint"/>,
/// when set, wins over <see cref="Region"/>; it is the base URL without <c>/v3</c>.
/// </para>
/// <para>
/// Configuration keys (e.g. under <c>Mailing:Transports:mailgun</c>): <c>ApiKey</c>, <c>Domain</c>, <c>Region</c>
/// (<c>us</c> or <c>eu</c>), <c>Endpoint</c>, <c>Timeout</c>. DSN: <c>mailgun+api://KEY:DOMAIN@default?region=eu</c>.
/// </para>
/// </remarks>
public sealed class MailgunOptions : HttpApiOptions
{
    /// <summary>The DSN scheme of this transport: <c>mailgun+api</c>.</summary>
    public const string Scheme = "mailgun+api";

    private const string RegionOption = "region";
    private static readonly Uri UsApi = new("https://api.mailgun.net/");
    private static readonly Uri EuApi = new("https://api.eu.mailgun.net/");

    /// <summary>The sending domain as the Mailgun dashboard lists it, e.g. <c>mg.example.com</c>. Required.</summary>
    /// <remarks>Mail is sent as this domain (it is part of the request path); the From address should be in it, or in a domain Mailgun verified.</remarks>
    public string? Domain { get; set; }

    /// <summary>The region <see cref="Domain"/> was created in; <see cref="MailgunRegion.Us"/> by default.</summary>
    public MailgunRegion Region { get; set; } = MailgunRegion.Us;

    internal override string ProviderName => "Mailgun";

    internal override Uri DefaultEndpoint => Region == MailgunRegion.Eu ? EuApi : UsApi;

    /// <summary>Builds options from a DSN: <c>mailgun+api://KEY:DOMAIN@default</c>, the API key as the user and the sending domain as the password part.</summary>
    /// <param name="dsn">
    /// The parsed DSN. Options: <c>region</c> (<c>us</c> or <c>eu</c>), <c>endpoint</c> (a base URL replacing the region's
    /// host) and <c>timeout</c> (seconds).
    /// </param>
    /// <returns>
    /// New options. A DSN that does not fit (another scheme, a host other than <c>default</c>, no domain, an unknown option,
    /// a value that does not parse) does not throw: the problem is recorded and reported by <see cref="HttpApiOptions.Validate"/>,
    /// never with the key in it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="dsn"/> is <see langword="null"/>.</exception>
    public static MailgunOptions FromDsn(TransportDsn dsn)
    {
        ArgumentNullException.ThrowIfNull(dsn);

        // TransportDsn.ToString shows the user part, which is the API key here; messages show a redacted copy.
        var shown = dsn with { User = dsn.User is null ? null : "****" };
        var options = new MailgunOptions { ApiKey = dsn.User, Domain = dsn.Password };
        if (dsn.Scheme != Scheme)
        {
            options.BindingErrors.Add($"\"{shown}\" is not a Mailgun API DSN: the scheme must be {Scheme}, as in {Scheme}://KEY:DOMAIN@default.");
        }

        options.RequireDefaultHost(shown);
        if (dsn.Port is not null || dsn.Path is not null)
        {
            options.BindingErrors.Add($"\"{shown}\" has a port or path, which Mailgun DSNs do not use; to send elsewhere add ?endpoint=https://host/.");
        }

        foreach (var (key, value) in dsn.Options)
        {
            if (string.Equals(key, RegionOption, StringComparison.OrdinalIgnoreCase))
            {
                if (TryParseRegion(value, out var region))
                {
                    options.Region = region;
                }
                else
                {
                    options.BindingErrors.Add($"\"{shown}\" option region is \"{value}\", which is not us or eu.");
                }
            }
            else if (!options.TryApplyCommonDsnOption(key, value, shown))
            {
                options.UnknownDsnOption(shown, key, $"{RegionOption}=us|eu");
            }
        }

        return options;
    }

    /// <summary>Describes the options without the key, e.g. <c>Mailgun mg.example.com (https://api.eu.mailgun.net/)</c>.</summary>
    public override string ToString() => Domain is null ? base.ToString() : $"{ProviderName} {Domain} ({EffectiveEndpoint})";

    /// <summary>Reads <c>ApiKey</c>, <c>Endpoint</c>, <c>Timeout</c>, <c>Domain</c> and <c>Region</c> from <paramref name="section"/>, without reflection.</summary>
    internal void Bind(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        BindCommon(section);
        Domain = section[nameof(Domain)] ?? Domain;
        if (section[nameof(Region)] is { } region)
        {
            if (TryParseRegion(region, out var parsed))
            {
                Region = parsed;
            }
            else
            {
                var path = (section as IConfigurationSection)?.Path ?? ProviderName;
                BindingErrors.Add($"{path}:{nameof(Region)} is \"{region}\", which is not us or eu.");
            }
        }
    }

    private protected override void AddProviderErrors(string section, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Domain))
        {
            errors.Add($"{section}:Domain is missing: set it to your Mailgun sending domain as the dashboard lists it, e.g. mg.example.com (in a DSN, the password part: {Scheme}://KEY:DOMAIN@default).");
        }
        else if (Domain.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' or '@' or ':' or '?' or '#' or '%'))
        {
            errors.Add($"{section}:Domain \"{Domain}\" is not a domain name: write the sending domain alone, e.g. mg.example.com, not a URL or an address.");
        }

        if (!Enum.IsDefined(Region))
        {
            errors.Add($"{section}:Region must be us or eu.");
        }
    }

    private static bool TryParseRegion(string text, out MailgunRegion region)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "us":
                region = MailgunRegion.Us;
                return true;
            case "eu":
                region = MailgunRegion.Eu;
                return true;
            default:
                region = default;
                return false;
        }
    }
}
