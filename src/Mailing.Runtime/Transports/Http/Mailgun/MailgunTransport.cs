using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Http.Mailgun;

/// <summary>
/// Sends through Mailgun's messages API: <c>POST /v3/{domain}/messages</c> as <c>multipart/form-data</c>, authenticated
/// with HTTP basic auth as user <c>api</c> and the API key as password.
/// </summary>
/// <remarks>
/// <para>
/// Limits are checked before anything is sent, and a message over them throws <see cref="ArgumentException"/> saying what
/// to change: at most 1,000 recipients, 3 tags of up to 128 characters, 16 KB of headers, tags and metadata together, and
/// 25 MB of content.
/// </para>
/// <para>
/// Failures: 401 is <see cref="MailFailureKind.Authentication"/> (wrong key); a refusal because the domain is a sandbox
/// (only authorized recipients) is <see cref="MailFailureKind.Rejected"/> with a hint; another 403 is
/// <see cref="MailFailureKind.Authentication"/>; 404 ("Domain not found") is <see cref="MailFailureKind.Configuration"/>
/// with a hint about the domain's spelling and region; other 4xx are <see cref="MailFailureKind.Rejected"/> with Mailgun's
/// text, 429 <see cref="MailFailureKind.RateLimited"/> and 5xx <see cref="MailFailureKind.Transient"/>.
/// </para>
/// <para>
/// <see cref="SendResult.ProviderMessageId"/> is Mailgun's <c>id</c> without its angle brackets
/// (<c>20111114174239.25659.5817@samples.mailgun.org</c>), the <c>message-id</c> its events and logs use. Mailgun has no
/// batch endpoint for separate messages, so this transport sends one message per call.
/// </para>
/// </remarks>
public sealed class MailgunTransport : HttpApiTransport
{
    /// <summary>The name the transport is registered and reported under unless another is given: <c>mailgun</c>.</summary>
    public const string DefaultName = "mailgun";

    /// <summary>The name of the <c>IHttpClientFactory</c> client this transport is built with: <c>Mailing.Mailgun</c>.</summary>
    public const string HttpClientName = "Mailing.Mailgun";

    private const string BasicAuthUser = "api";
    private const string ApiRootBanner = "Mailgun Magnificent API";
    private const int MaxServerResponseLength = 2000;

    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _domain;
    private readonly MailgunRegion _region;
    private readonly bool _endpointSet;
    private readonly Uri _messagesUri;

    /// <summary>Creates a transport that sends through Mailgun with <paramref name="options"/>.</summary>
    /// <param name="options">The key, domain and region; read once here, later changes have no effect.</param>
    /// <param name="httpClient">The client to send with, normally the factory's <see cref="HttpClientName"/> client; not disposed here.</param>
    /// <param name="name">The name failures and results report, e.g. the key under <c>Mailing:Transports</c>.</param>
    /// <param name="timeProvider">The clock for timeouts and durations; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where sends are logged (ids and status codes, never the key or content).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="httpClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="MailDeliveryException">
    /// The options are not usable (no key or domain, a plain-HTTP endpoint to a remote host, a bad DSN value): the
    /// <see cref="MailFailureKind.Configuration"/> failure lists every problem.
    /// </exception>
    public MailgunTransport(MailgunOptions options, HttpClient httpClient, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<MailgunTransport>? logger = null)
        : this(options, ClientOf(httpClient), name, timeProvider, logger)
    {
    }

    /// <summary>Creates a transport that takes a client named <see cref="HttpClientName"/> from <paramref name="httpClientFactory"/> for each request, so handlers added with <c>AddHttpClient(HttpClientName)</c> apply and rotate.</summary>
    /// <param name="options">The provider's settings; read once here, later changes have no effect.</param>
    /// <param name="httpClientFactory">Gives the client for each request.</param>
    /// <param name="name">The name failures and results report, e.g. the key under <c>Mailing:Transports</c>.</param>
    /// <param name="timeProvider">The clock for timeouts and durations; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where sends are logged (ids and status codes, never secrets or content).</param>
    /// <exception cref="MailDeliveryException">The options are not usable; the <see cref="MailFailureKind.Configuration"/> failure lists every problem.</exception>
    public MailgunTransport(MailgunOptions options, IHttpClientFactory httpClientFactory, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<MailgunTransport>? logger = null)
        : this(options, ClientsFrom(httpClientFactory, HttpClientName), name, timeProvider, logger)
    {
    }

    private MailgunTransport(MailgunOptions options, Func<HttpClient> httpClients, string name, TimeProvider? timeProvider, ILogger? logger)
        : base(options, httpClients, name, timeProvider, logger)
    {
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BasicAuthUser}:{options.ApiKey}")));
        _domain = options.Domain!.Trim();
        _region = options.Region;
        _endpointSet = options.Endpoint is not null;

        // A base URL with a path (a proxy's /mailgun) keeps it only with a trailing slash.
        var root = Endpoint.AbsoluteUri.EndsWith('/') ? Endpoint : new Uri(Endpoint.AbsoluteUri + "/");
        _messagesUri = new Uri(root, $"v3/{Uri.EscapeDataString(_domain)}/messages");
    }

    private protected override void ThrowIfProviderCannotCarry(EmailMessage message) => MailgunLimits.ThrowIfCannotCarry(message);

    private protected override HttpRequestMessage CreateRequest(EmailMessage message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _messagesUri) { Content = MailgunMessageForm.Create(message) };
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private protected override async ValueTask<string?> ReadProviderMessageIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (TryRead(text)?.Id is { Length: > 0 } id)
        {
            return id.Trim().TrimStart('<').TrimEnd('>');
        }

        // The API root answers 200 with this banner to requests on a path it does not serve; nothing was queued.
        if (text.Contains(ApiRootBanner, StringComparison.Ordinal))
        {
            throw new MailDeliveryException(
                MailFailureKind.Configuration,
                $"Mailgun answered HTTP {(int)response.StatusCode} with \"{ApiRootBanner}\" instead of a message id, so the message was not queued.",
                "The request reached a path Mailgun does not serve: set Endpoint to the API's base URL without /v3 (or leave it unset), and Domain to the sending domain alone.")
            {
                TransportName = Name,
                StatusCode = (int)response.StatusCode,
                ServerResponse = Shorten(text),
            };
        }

        return null;
    }

    private protected override HttpApiFailure DescribeFailure(HttpStatusCode status, string body)
    {
        var text = TryRead(body)?.Message is { Length: > 0 } message ? message : BodyOrReason(body, status);
        return (int)status switch
        {
            >= 500 => new(MailFailureKind.Transient, text),
            _ when IsSandboxRefusal(text) => new(MailFailureKind.Rejected, text,
                $"\"{_domain}\" is a Mailgun sandbox domain (or the account is on the free trial), which delivers only to authorized recipients: " +
                "add the recipient under Authorized Recipients in the Mailgun dashboard (the recipient must confirm), or add and verify your own " +
                "sending domain and set Domain to it."),
            401 => new(MailFailureKind.Authentication, text,
                $"Mailgun refused the API key: set ApiKey to a Private API key, or a Domain Sending key created for {_domain} " +
                "(Mailgun dashboard, API Security; a sending key works only for its own domain, and the public validation key cannot send)."),
            403 => new(MailFailureKind.Authentication, text,
                $"Mailgun refused access: the key may not send for {_domain} (a Domain Sending key of another domain), or this host's IP is not on the account's IP allowlist."),
            404 => new(MailFailureKind.Configuration, text, DomainNotFoundHint()),
            413 => new(MailFailureKind.Rejected, text,
                "The message is over Mailgun's 25 MB limit: make the attachments smaller or link to the files."),
            _ => new(KindOf(status), text),
        };
    }

    private string DomainNotFoundHint()
    {
        var region = _endpointSet
            ? $"Endpoint is set to {Endpoint}, which decides the region: domains created in the EU are known only at https://api.eu.mailgun.net/, US ones only at https://api.mailgun.net/ (no /v3 in the Endpoint)."
            : _region == MailgunRegion.Us
                ? "This transport talks to the US region (https://api.mailgun.net/): if the domain was created in Mailgun's EU region, set Region to eu (DSN ?region=eu)."
                : "This transport talks to the EU region (https://api.eu.mailgun.net/): if the domain was created in Mailgun's US region, set Region to us.";
        return $"Mailgun does not know the domain \"{_domain}\" here: check that Domain is the sending domain exactly as the Mailgun dashboard lists it (e.g. mg.example.com). {region}";
    }

    // Mailgun words the sandbox refusal as "Domain ... is not allowed to send: Sandbox subdomains are for test purposes
    // only. Please add your own domain or add the address to authorized recipients in Account Settings." (HTTP 403, or 400
    // on some accounts), and on free trials "Free accounts are for test purposes only".
    private static bool IsSandboxRefusal(string text) =>
        text.Contains("authorized recipients", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Sandbox subdomains", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Free accounts are for test purposes", StringComparison.OrdinalIgnoreCase);

    private static MailgunResponse? TryRead(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, MailgunJsonContext.Default.MailgunResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string BodyOrReason(string body, HttpStatusCode status) =>
        string.IsNullOrWhiteSpace(body) ? $"{(int)status} {status}" : Shorten(body.Trim());

    private static string Shorten(string text) => text.Length <= MaxServerResponseLength ? text : text[..MaxServerResponseLength] + "…";
}
