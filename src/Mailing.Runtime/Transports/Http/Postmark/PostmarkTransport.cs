using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Http.Postmark;

/// <summary>
/// Sends through Postmark's Email API: <c>POST /email</c> for one message, <c>POST /email/batch</c> for up to 500,
/// authenticated with the server token in <c>X-Postmark-Server-Token</c>.
/// </summary>
/// <remarks>
/// <para>
/// Limits are checked before anything is sent, and a message over them throws <see cref="ArgumentException"/> saying what
/// to change: at most 50 recipients (To, Cc and Bcc together), one tag of up to 1000 characters, metadata keys that differ
/// in more than case, 10 MB of JSON per message and 50 MB per batch (attachments count base64-encoded).
/// </para>
/// <para>
/// Postmark's <c>ErrorCode</c> decides the failure kind and is kept in <see cref="MailDeliveryException.EnhancedStatusCode"/>:
/// 10 (bad token) is <see cref="MailFailureKind.Authentication"/>; 300 (invalid request), 400/401 (sender signature not
/// found or not confirmed), 405/413 (account may not send), 406 (inactive, i.e. suppressed, recipient), 411 (forbidden
/// attachment type) and 412 (account pending approval) are <see cref="MailFailureKind.Rejected"/>, each with a hint;
/// 429 is <see cref="MailFailureKind.RateLimited"/> and 100 (maintenance) <see cref="MailFailureKind.Transient"/>.
/// </para>
/// <para>
/// <see cref="SendResult.ProviderMessageId"/> is Postmark's <c>MessageID</c>, the id its activity log, webhooks and
/// bounce API use; <see cref="SendResult.MessageId"/> is the RFC 5322 Message-Id, sent in a <c>Message-ID</c> header.
/// </para>
/// </remarks>
public sealed class PostmarkTransport : HttpApiTransport, IBatchEmailTransport
{
    /// <summary>The name the transport is registered and reported under unless another is given: <c>postmark</c>.</summary>
    public const string DefaultName = "postmark";

    /// <summary>The name of the <c>IHttpClientFactory</c> client this transport is built with: <c>Mailing.Postmark</c>.</summary>
    public const string HttpClientName = "Mailing.Postmark";

    private const string ServerTokenHeader = "X-Postmark-Server-Token";
    private const string JsonMediaType = "application/json";
    private const int MaxServerResponseLength = 2000;

    private readonly string _serverToken;
    private readonly string? _messageStream;
    private readonly Uri _emailUri;
    private readonly Uri _batchUri;

    /// <summary>Creates a transport that sends through Postmark with <paramref name="options"/>.</summary>
    /// <param name="options">The server token and settings; read once here, later changes have no effect.</param>
    /// <param name="httpClient">The client to send with, normally the factory's <see cref="HttpClientName"/> client; not disposed here.</param>
    /// <param name="name">The name failures and results report, e.g. the key under <c>Mailing:Transports</c>.</param>
    /// <param name="timeProvider">The clock for timeouts and durations; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where sends are logged (ids and status codes, never the token or content).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="httpClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="MailDeliveryException">
    /// The options are not usable (no token, a plain-HTTP endpoint to a remote host, a bad DSN value): the
    /// <see cref="MailFailureKind.Configuration"/> failure lists every problem.
    /// </exception>
    public PostmarkTransport(PostmarkOptions options, HttpClient httpClient, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<PostmarkTransport>? logger = null)
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
    public PostmarkTransport(PostmarkOptions options, IHttpClientFactory httpClientFactory, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<PostmarkTransport>? logger = null)
        : this(options, ClientsFrom(httpClientFactory, HttpClientName), name, timeProvider, logger)
    {
    }

    private PostmarkTransport(PostmarkOptions options, Func<HttpClient> httpClients, string name, TimeProvider? timeProvider, ILogger? logger)
        : base(options, httpClients, name, timeProvider, logger)
    {
        _serverToken = options.ApiKey!;
        _messageStream = options.MessageStream;

        // A base URL with a path (a proxy's /postmark) keeps it only with a trailing slash.
        var root = Endpoint.AbsoluteUri.EndsWith('/') ? Endpoint : new Uri(Endpoint.AbsoluteUri + "/");
        _emailUri = new Uri(root, "email");
        _batchUri = new Uri(root, "email/batch");
    }

    /// <inheritdoc />
    /// <remarks>Postmark's batch endpoint takes up to 500 messages and 50 MB per call.</remarks>
    public int MaxBatchSize => PostmarkLimits.MaxBatchMessages;

    /// <inheritdoc />
    /// <remarks>Always <see langword="true"/>: the batch endpoint takes every message <c>/email</c> takes, attachments included.</remarks>
    public bool CanBatch(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// Postmark judges each message of a batch on its own: the call answers HTTP 200 with one result per message, and a
    /// message it refused (an inactive recipient, an unconfirmed sender) comes back as a failed <see cref="SendOutcome"/>
    /// whose <see cref="MailDeliveryException.EnhancedStatusCode"/> is the <c>ErrorCode</c> (its
    /// <see cref="MailDeliveryException.StatusCode"/> is <see langword="null"/>: the call itself succeeded). The other
    /// messages are sent.
    /// </para>
    /// <para>
    /// A failure of the call (token, rate limit, network, timeout) is thrown for all of them. If the answer cannot be
    /// matched to the messages, the failure has <see cref="MailDeliveryException.MayHaveBeenDelivered"/> set: check
    /// Postmark's activity log before sending any of them again.
    /// </para>
    /// </remarks>
    public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        PostmarkLimits.ThrowIfBatchTooLarge(messages.Count, 0);
        var prepared = new EmailMessage[messages.Count];
        var requests = new PostmarkEmailRequest[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            prepared[i] = Prepare(messages[i], i);
            requests[i] = PostmarkPayload.Create(prepared[i], _messageStream);
        }

        var body = PostmarkPayload.Serialize(requests);
        PostmarkLimits.ThrowIfBatchTooLarge(messages.Count, body.LongLength);

        var started = Time.GetTimestamp();
        var batchId = $"batch of {messages.Count}";
        using var response = await ExchangeAsync(CreateJsonRequest(_batchUri, body), batchId, cancellationToken).ConfigureAwait(false);

        // The messages are with Postmark now and the answer is already buffered: a late cancellation must not lose their outcomes.
        var text = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
        var replies = TryRead(text, PostmarkJsonContext.Default.PostmarkResponseArray);
        if (replies is null || replies.Length != prepared.Length)
        {
            HttpApiLog.OutcomeUnknown(Logger, ProviderName, batchId, "unreadable batch answer");
            throw new MailDeliveryException(
                MailFailureKind.Transient,
                $"Postmark answered the {batchId} messages with HTTP {(int)response.StatusCode} but not with one result per message; they may have been sent.",
                "Check Postmark's activity log before sending any of them again.")
            {
                TransportName = Name,
                StatusCode = (int)response.StatusCode,
                ServerResponse = text.Length <= MaxServerResponseLength ? text : text[..MaxServerResponseLength] + "…",
                MayHaveBeenDelivered = true,
            };
        }

        var duration = Time.GetElapsedTime(started);
        var outcomes = new SendOutcome[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            outcomes[i] = Outcome(prepared[i], replies[i], (int)response.StatusCode, duration);
        }

        return outcomes;
    }

    private protected override void ThrowIfProviderCannotCarry(EmailMessage message) => PostmarkLimits.ThrowIfCannotCarry(message);

    private protected override HttpRequestMessage CreateRequest(EmailMessage message)
    {
        var body = PostmarkPayload.Serialize(PostmarkPayload.Create(message, _messageStream));
        PostmarkLimits.ThrowIfTooLarge(body.LongLength);
        return CreateJsonRequest(_emailUri, body);
    }

    private protected override async ValueTask<string?> ReadProviderMessageIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return TryRead(text, PostmarkJsonContext.Default.PostmarkResponse)?.MessageId;
    }

    private protected override HttpApiFailure DescribeFailure(HttpStatusCode status, string body)
    {
        var reply = TryRead(body, PostmarkJsonContext.Default.PostmarkResponse);
        var text = reply?.Message is { Length: > 0 } message ? message : BodyOrReason(body, status);
        var errorCode = reply is { ErrorCode: not PostmarkErrorCode.Success } ? reply.ErrorCode : (int?)null;
        return (int)status switch
        {
            >= 500 => new(MailFailureKind.Transient, text, null, errorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            404 => new(MailFailureKind.Configuration, text,
                $"Nothing at {_emailUri} handles Postmark's Email API: check the transport's Endpoint (leave it unset for https://api.postmarkapp.com/)."),
            413 => new(MailFailureKind.Rejected, text,
                "The request is over Postmark's size limit (10 MB per message, 50 MB per batch, attachments base64-encoded): make the attachments smaller or link to the files."),
            _ when errorCode is { } code => PostmarkErrorClassifier.Classify(code, text, KindOf(status)),
            _ when KindOf(status) is MailFailureKind.Authentication => new(MailFailureKind.Authentication, text, PostmarkErrorClassifier.AuthenticationHint),
            _ => new(KindOf(status), text),
        };
    }

    private HttpRequestMessage CreateJsonRequest(Uri uri, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        request.Headers.Add(ServerTokenHeader, _serverToken);
        return request;
    }

    private static EmailMessage Prepare(EmailMessage? message, int index)
    {
        if (message is null)
        {
            throw new ArgumentException($"Message {index} of the batch is null.", "messages");
        }

        try
        {
            MimeMessageFactory.ThrowIfNotSendable(message);
            PostmarkLimits.ThrowIfCannotCarry(message);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"Message {index} of the batch ({message}) cannot be sent to Postmark, so none was sent: {exception.Message}", "messages", exception);
        }

        return message.MessageId is null ? message with { MessageId = MimeMessageFactory.CreateMessageId(message) } : message;
    }

    private SendOutcome Outcome(EmailMessage message, PostmarkResponse reply, int statusCode, TimeSpan duration)
    {
        if (reply.ErrorCode == PostmarkErrorCode.Success)
        {
            HttpApiLog.Accepted(Logger, ProviderName, message.MessageId!, statusCode, reply.MessageId);
            return SendOutcome.Sent(message, Accepted(message, reply.MessageId, duration));
        }

        var failure = PostmarkErrorClassifier.Classify(reply.ErrorCode, reply.Message ?? "", MailFailureKind.Rejected);
        HttpApiLog.Refused(Logger, ProviderName, message.MessageId!, statusCode, failure.Kind);
        var exception = new MailDeliveryException(
            failure.Kind,
            $"Postmark refused message {message.MessageId} of the batch: {failure.ProviderMessage}",
            failure.Hint ?? (failure.Kind is MailFailureKind.RateLimited
                ? "Postmark asked to slow down: send this message again later, and lower the sending rate."
                : "Fix what Postmark's message says; the other messages of the batch are not affected."))
        {
            TransportName = Name,
            EnhancedStatusCode = failure.ProviderErrorCode,
            ServerResponse = JsonSerializer.Serialize(reply, PostmarkJsonContext.Default.PostmarkResponse),
        };
        return SendOutcome.Failed(message, exception);
    }

    private static T? TryRead<T>(string text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string BodyOrReason(string body, HttpStatusCode status) =>
        string.IsNullOrWhiteSpace(body)
            ? $"{(int)status} {status}"
            : body.Length <= MaxServerResponseLength ? body.Trim() : body[..MaxServerResponseLength] + "…";
}
