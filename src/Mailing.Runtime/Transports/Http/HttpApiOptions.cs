using System.Net;
using Microsoft.Extensions.Configuration;

namespace Mailing.Transports.Http;

/// <summary>What every provider's HTTP API transport needs: the API key, where to send, and how long to wait.</summary>
/// <remarks>
/// <para>
/// <see cref="Endpoint"/> replaces the provider's own API host: a regional host, a proxy, or a fake provider in tests.
/// It must be <c>https://</c>; plain <c>http://</c> is accepted only for a loopback host, because the API key travels in
/// every request (the same rule as plaintext SMTP).
/// </para>
/// <para><see cref="ToString"/> never shows the key.</para>
/// </remarks>
public abstract class HttpApiOptions
{
    private const string EndpointOption = "endpoint";
    private const string TimeoutOption = "timeout";

    /// <summary>The provider's API key or server token. Required; never logged or shown.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The base URL requests go to instead of the provider's own (e.g. <c>https://api.eu.sendgrid.com</c>); <see langword="null"/> for the provider's.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The longest one request may take, from connecting to reading the response. 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Problems found while reading configuration or a DSN, reported by start-up validation.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>The provider's name as users know it, e.g. <c>SendGrid</c>.</summary>
    internal abstract string ProviderName { get; }

    /// <summary>The base URL used when <see cref="Endpoint"/> is not set (it may depend on a region setting).</summary>
    internal abstract Uri DefaultEndpoint { get; }

    /// <summary>The base URL requests go to.</summary>
    internal Uri EffectiveEndpoint => Endpoint ?? DefaultEndpoint;

    /// <summary>Returns every problem with these options, each naming its key under <paramref name="section"/>; empty when usable.</summary>
    /// <param name="section">The configuration path keys are reported under, e.g. <c>Mailing:Transports:postmark</c>.</param>
    public IReadOnlyList<string> Validate(string section)
    {
        List<string> errors = [.. BindingErrors];
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add($"{section}:ApiKey is missing: set it to your {ProviderName} API key, from an environment variable or user secrets, never from source.");
        }
        else if (ApiKey.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            errors.Add($"{section}:ApiKey contains a line break; paste the key alone.");
        }

        if (Endpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("https" or "http"))
            {
                errors.Add($"{section}:Endpoint \"{endpoint}\" is not an http(s) URL; write the API's base URL, e.g. {DefaultEndpoint}.");
            }
            else if (endpoint.Scheme == "http" && !IsLoopback(endpoint))
            {
                errors.Add($"{section}:Endpoint \"{endpoint}\" is plain HTTP to a remote host: the API key would cross the network unencrypted. Use https://, or http:// only for a loopback host (a fake provider in tests).");
            }
        }

        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{section}:Timeout must be positive, e.g. \"00:00:30\".");
        }

        AddProviderErrors(section, errors);
        return errors;
    }

    /// <summary>Describes the options without the key, e.g. <c>Postmark (https://api.postmarkapp.com/)</c>.</summary>
    public override string ToString() => $"{ProviderName} ({EffectiveEndpoint})";

    /// <summary>Adds problems with the provider's own settings.</summary>
    private protected virtual void AddProviderErrors(string section, List<string> errors)
    {
    }

    /// <summary>
    /// Reads the keys every provider has (<c>ApiKey</c>, <c>Endpoint</c>, <c>Timeout</c>) from <paramref name="section"/>;
    /// values that do not parse are recorded for start-up validation.
    /// </summary>
    private protected void BindCommon(IConfiguration section)
    {
        var path = (section as IConfigurationSection)?.Path ?? ProviderName;
        ApiKey = section[nameof(ApiKey)] ?? ApiKey;
        if (section[nameof(Endpoint)] is { } endpoint)
        {
            SetEndpoint(endpoint, $"{path}:{nameof(Endpoint)}");
        }

        if (section[nameof(Timeout)] is { } timeout)
        {
            SetTimeout(timeout, $"{path}:{nameof(Timeout)}");
        }
    }

    /// <summary>Applies a DSN option every provider understands; <see langword="false"/> when <paramref name="key"/> is not one.</summary>
    private protected bool TryApplyCommonDsnOption(string key, string value, TransportDsn dsn)
    {
        switch (key.ToLowerInvariant())
        {
            case EndpointOption:
                SetEndpoint(value, $"\"{dsn}\" option endpoint");
                return true;
            case TimeoutOption:
                SetTimeout(value, $"\"{dsn}\" option timeout");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Records that a DSN option is unknown, listing the ones there are.</summary>
    private protected void UnknownDsnOption(TransportDsn dsn, string key, string providerOptions)
    {
        var known = providerOptions.Length == 0 ? "endpoint=URL, timeout=SECONDS" : $"{providerOptions}, endpoint=URL, timeout=SECONDS";
        BindingErrors.Add($"\"{dsn}\" has the option {key}, which {ProviderName} does not know. Known options: {known}.");
    }

    /// <summary>Reads what a provider DSN's host part says: <c>default</c>, or nothing else.</summary>
    private protected void RequireDefaultHost(TransportDsn dsn)
    {
        if (!string.Equals(dsn.Host, "default", StringComparison.OrdinalIgnoreCase))
        {
            BindingErrors.Add($"\"{dsn}\" names the host \"{dsn.Host}\"; {ProviderName} API DSNs take \"default\" as the host. To send elsewhere (a region, a proxy, a test server) add ?endpoint=https://host/.");
        }
    }

    private void SetEndpoint(string text, string what)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            Endpoint = uri;
        }
        else
        {
            BindingErrors.Add($"{what} is \"{text}\", which is not an absolute URL such as {DefaultEndpoint}.");
        }
    }

    private void SetTimeout(string text, string what)
    {
        if (ConfigurationValueReader.TryParseDuration(text.Trim(), out var duration))
        {
            Timeout = duration;
        }
        else
        {
            BindingErrors.Add($"{what} is \"{text}\", which is not a duration such as \"00:00:30\" or a number of seconds.");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
