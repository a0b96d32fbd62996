using Microsoft.Extensions.Configuration;

namespace Mailing.Transports.Http.Resend;

/// <summary>Settings for <see cref="ResendTransport"/>: the API key, and where to send when not to Resend's own host.</summary>
/// <remarks>
/// <para>
/// In a DSN: <c>resend+api://KEY@default</c>. In configuration: <c>ApiKey</c>, <c>Endpoint</c>, <c>Timeout</c>. A key
/// with sending access is enough; a key restricted to one domain sends only from that domain.
/// </para>
/// <para>
/// Until a domain is verified at resend.com/domains, Resend sends only from <c>onboarding@resend.dev</c> and only to
/// the address the account was created with.
/// </para>
/// </remarks>
public sealed class ResendOptions : HttpApiOptions
{
    /// <summary>The DSN scheme of Resend's HTTP API: <c>resend+api</c>.</summary>
    public const string Scheme = "resend+api";

    private static readonly Uri ResendEndpoint = new("https://api.resend.com/");

    internal override string ProviderName => "Resend";

    internal override Uri DefaultEndpoint => ResendEndpoint;

    /// <summary>Reads <c>resend+api://KEY@default[?endpoint=URL&amp;timeout=SECONDS]</c>.</summary>
    /// <param name="dsn">The parsed DSN; its user part is the API key.</param>
    /// <returns>
    /// The options. A value that does not fit (another scheme, a host other than <c>default</c>, an unknown option) is
    /// not thrown but recorded, and reported by <see cref="HttpApiOptions.Validate"/> at start-up.
    /// </returns>
    public static ResendOptions FromDsn(TransportDsn dsn)
    {
        ArgumentNullException.ThrowIfNull(dsn);
        var options = new ResendOptions { ApiKey = dsn.User ?? dsn.Password };
        if (dsn.Scheme != Scheme)
        {
            options.BindingErrors.Add($"\"{dsn}\" is not a Resend API DSN; write {Scheme}://KEY@default.");
        }

        options.RequireDefaultHost(dsn);
        if (dsn.Port is not null || dsn.Path is not null)
        {
            options.BindingErrors.Add($"\"{dsn}\" has a port or path, which a Resend API DSN does not take; to send elsewhere add ?endpoint=https://host/.");
        }

        foreach (var (key, value) in dsn.Options)
        {
            if (!options.TryApplyCommonDsnOption(key, value, dsn))
            {
                options.UnknownDsnOption(dsn, key, "");
            }
        }

        return options;
    }

    /// <summary>Reads <c>ApiKey</c>, <c>Endpoint</c> and <c>Timeout</c> from <paramref name="section"/>; bad values are recorded for start-up validation.</summary>
    internal void Bind(IConfiguration section) => BindCommon(section);
}
