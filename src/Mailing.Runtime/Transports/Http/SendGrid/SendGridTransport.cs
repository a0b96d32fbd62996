using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>Delivers messages through SendGrid's v3 Web API (<c>POST /v3/mail/send</c>), one request per message.</summary>
/// <remarks>
/// <para>
/// Tags become SendGrid categories (at most 10), Metadata becomes <c>custom_args</c> (less than 10,000 bytes), and both
/// come back in SendGrid's event webhooks. The Message-Id is sent as a header, so the delivered message keeps it; the
/// id SendGrid assigns (its <c>X-Message-Id</c>) is <see cref="SendResult.ProviderMessageId"/>.
/// </para>
/// <para>
/// What SendGrid would refuse is refused before any request, with an <see cref="ArgumentException"/> that says what to
/// change: no To recipient, more than 1000 recipients, ',' or ';' in a recipient's name, more than 10 tags, too much
/// metadata, an empty subject or body, or a header SendGrid reserves.
/// </para>
/// <para>
/// Attachment files are opened when the request is built, so a file that no longer exists fails the send with
/// <see cref="FileNotFoundException"/> before anything is sent; they are read asynchronously while the body is written.
/// </para>
/// <para>SendGrid has no idempotency key: a message resent after an unknown outcome may arrive twice, under the same Message-Id.</para>
/// </remarks>
public sealed class SendGridTransport : HttpApiTransport
{
    /// <summary>The name this transport reports when none is given.</summary>
    public const string DefaultName = "sendgrid";

    /// <summary>The name of the <see cref="HttpClient"/> this transport is given by <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Mailing.SendGrid";

    private const string MessageIdHeader = "X-Message-Id";

    private readonly SendGridOptions _options;
    private readonly Uri _mailSendUri;

    /// <summary>Creates a transport; nothing is sent until the first message.</summary>
    /// <param name="options">The API key and region or endpoint; read once here, do not change them afterwards.</param>
    /// <param name="httpClient">The client requests go through, normally from <c>IHttpClientFactory</c> under <see cref="HttpClientName"/>; its base address and timeout are not used.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <param name="timeProvider">The clock for request deadlines and durations; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs outcomes (never keys or content); nothing is logged when <see langword="null"/>.</param>
    /// <exception cref="MailDeliveryException">The options are invalid (<see cref="MailFailureKind.Configuration"/>); the message lists every problem and its fix.</exception>
    public SendGridTransport(SendGridOptions options, HttpClient httpClient, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<SendGridTransport>? logger = null)
        : this(options, ClientOf(httpClient), name, timeProvider, logger)
    {
    }

    /// <summary>Creates a transport that takes its <see cref="HttpClient"/> from <paramref name="httpClientFactory"/> for each request; nothing is sent until the first message.</summary>
    /// <param name="options">The API key and region or endpoint; read once here, do not change them afterwards.</param>
    /// <param name="httpClientFactory">Gives a client named <see cref="HttpClientName"/> for each request, so handlers added with <c>AddHttpClient(HttpClientName)</c> apply and rotate.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <param name="timeProvider">The clock for request deadlines and durations; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs outcomes (never keys or content); nothing is logged when <see langword="null"/>.</param>
    /// <exception cref="MailDeliveryException">The options are invalid (<see cref="MailFailureKind.Configuration"/>); the message lists every problem and its fix.</exception>
    public SendGridTransport(SendGridOptions options, IHttpClientFactory httpClientFactory, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<SendGridTransport>? logger = null)
        : this(options, ClientsFrom(httpClientFactory, HttpClientName), name, timeProvider, logger)
    {
    }

    private SendGridTransport(SendGridOptions options, Func<HttpClient> httpClients, string name, TimeProvider? timeProvider, ILogger? logger)
        : base(options, httpClients, name, timeProvider, logger)
    {
        _options = options;
        _mailSendUri = new Uri(WithTrailingSlash(Endpoint), "v3/mail/send");
    }

    private protected override void ThrowIfProviderCannotCarry(EmailMessage message) => SendGridLimits.ThrowIfCannotCarry(message);

    private protected override HttpRequestMessage CreateRequest(EmailMessage message)
    {
        var attachments = AttachmentStreams.Open(message);
        return new HttpRequestMessage(HttpMethod.Post, _mailSendUri)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey) },
            Content = new StreamedJsonContent((stream, cancellationToken) => SendGridPayload.WriteAsync(stream, message, attachments, cancellationToken), attachments),
        };
    }

    // SendGrid answers 202 with an empty body; its id for the message is only in this header.
    private protected override ValueTask<string?> ReadProviderMessageIdAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ValueTask.FromResult(response.Headers.TryGetValues(MessageIdHeader, out var values) ? values.FirstOrDefault() : null);

    private protected override HttpApiFailure DescribeFailure(HttpStatusCode status, string body) =>
        SendGridFailureReader.Describe(status, body, KindOf(status), _options, _mailSendUri);

    private static Uri WithTrailingSlash(Uri endpoint) =>
        endpoint.AbsolutePath.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
}
