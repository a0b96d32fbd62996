using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Http.Resend;

/// <summary>Delivers messages through Resend's API: <c>POST /emails</c> for one message, <c>POST /emails/batch</c> for up to 100.</summary>
/// <remarks>
/// <para>
/// <see cref="EmailMessage.IdempotencyKey"/> is sent as Resend's <c>Idempotency-Key</c>: for 24 hours Resend answers a
/// repeat with the first answer instead of sending again, so a message whose outcome was unknown can be resent safely.
/// </para>
/// <para>
/// Resend's tags are name/value pairs of ASCII letters, digits, '_' and '-': each of <see cref="EmailMessage.Tags"/>
/// becomes a tag of that name with the value <c>true</c>, each <see cref="EmailMessage.Metadata"/> entry a tag with its key
/// and value. Anything else is refused before sending, as are more than 50 To recipients and Cc/Bcc without a To.
/// </para>
/// <para>
/// Attachment files are opened when the request is built, so a file that no longer exists fails the send with
/// <see cref="FileNotFoundException"/> before anything is sent; they are read asynchronously while the body is written.
/// </para>
/// <para>
/// Resend assigns the Message-Id of the delivered email; <see cref="SendResult.MessageId"/> is Mailing's id for the
/// message and <see cref="SendResult.ProviderMessageId"/> Resend's email id.
/// </para>
/// </remarks>
public sealed class ResendTransport : HttpApiTransport, IBatchEmailTransport
{
    /// <summary>The name this transport reports when none is given.</summary>
    public const string DefaultName = "resend";

    /// <summary>The name of the <see cref="HttpClient"/> this transport is given by <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Mailing.Resend";

    private const string IdempotencyKeyHeader = "Idempotency-Key";

    // Permissive: Resend creates the valid emails of a batch and reports the others one by one, instead of refusing them all.
    private const string BatchValidationHeader = "x-batch-validation";
    private const string PermissiveValidation = "permissive";

    private readonly ResendOptions _options;
    private readonly Uri _emailsUri;
    private readonly Uri _batchUri;

    /// <summary>Creates a transport; nothing is sent until the first message.</summary>
    /// <param name="options">The API key and endpoint; read once here, do not change them afterwards.</param>
    /// <param name="httpClient">The client requests go through, normally from <c>IHttpClientFactory</c> under <see cref="HttpClientName"/>; its base address and timeout are not used.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <param name="timeProvider">The clock for request deadlines and durations; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs outcomes (never keys or content); nothing is logged when <see langword="null"/>.</param>
    /// <exception cref="MailDeliveryException">The options are invalid (<see cref="MailFailureKind.Configuration"/>); the message lists every problem and its fix.</exception>
    public ResendTransport(ResendOptions options, HttpClient httpClient, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<ResendTransport>? logger = null)
        : this(options, ClientOf(httpClient), name, timeProvider, logger)
    {
    }

    /// <summary>Creates a transport that takes its <see cref="HttpClient"/> from <paramref name="httpClientFactory"/> for each request; nothing is sent until the first message.</summary>
    /// <param name="options">The API key and endpoint; read once here, do not change them afterwards.</param>
    /// <param name="httpClientFactory">Gives a client named <see cref="HttpClientName"/> for each request, so handlers added with <c>AddHttpClient(HttpClientName)</c> apply and rotate.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <param name="timeProvider">The clock for request deadlines and durations; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs outcomes (never keys or content); nothing is logged when <see langword="null"/>.</param>
    /// <exception cref="MailDeliveryException">The options are invalid (<see cref="MailFailureKind.Configuration"/>); the message lists every problem and its fix.</exception>
    public ResendTransport(ResendOptions options, IHttpClientFactory httpClientFactory, string name = DefaultName, TimeProvider? timeProvider = null, ILogger<ResendTransport>? logger = null)
        : this(options, ClientsFrom(httpClientFactory, HttpClientName), name, timeProvider, logger)
    {
    }

    private ResendTransport(ResendOptions options, Func<HttpClient> httpClients, string name, TimeProvider? timeProvider, ILogger? logger)
        : base(options, httpClients, name, timeProvider, logger)
    {
        _options = options;
        var root = Endpoint.AbsolutePath.EndsWith('/') ? Endpoint : new Uri(Endpoint.AbsoluteUri + "/");
        _emailsUri = new Uri(root, "emails");
        _batchUri = new Uri(root, "emails/batch");
    }

    /// <inheritdoc />
    /// <remarks>Resend's batch endpoint takes at most 100 emails.</remarks>
    public int MaxBatchSize => 100;

    /// <inheritdoc />
    /// <remarks>
    /// Resend's batch endpoint takes no attachments (inline images included) and no tags, so a message with any of
    /// those, or with Tags or Metadata, must go through <see cref="HttpApiTransport.SendAsync"/>.
    /// </remarks>
    public bool CanBatch(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Attachments.Count == 0 && message.InlineResources.Count == 0 && message.Tags.Count == 0 && message.Metadata.Count == 0;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// Each email is judged on its own: one Resend refuses is a failed outcome (<see cref="MailFailureKind.Rejected"/>,
    /// with Resend's reason) and the others are still sent.
    /// </para>
    /// <para>
    /// When every message has an <see cref="EmailMessage.IdempotencyKey"/>, the batch is sent with an
    /// <c>Idempotency-Key</c> derived from all of them, so sending the same batch again within 24 hours does not send
    /// it twice. Resend has no per-email key inside a batch.
    /// </para>
    /// </remarks>
    public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        if (messages.Count > MaxBatchSize)
        {
            throw new ArgumentException($"Resend's batch endpoint takes at most {MaxBatchSize} emails; {messages.Count} were given. Split them into batches of {MaxBatchSize}.", nameof(messages));
        }

        var batch = new EmailMessage[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            batch[i] = PrepareForBatch(messages[i], i);
        }

        var started = Time.GetTimestamp();
        var description = batch.Length == 1 ? batch[0].MessageId! : $"{batch[0].MessageId} and {batch.Length - 1} more";
        using var response = await ExchangeAsync(CreateBatchRequest(batch), description, cancellationToken).ConfigureAwait(false);
        var answer = await ReadAsync(response, ResendJsonContext.Wire.ResendBatchResponse, cancellationToken).ConfigureAwait(false);
        return Outcomes(batch, answer, (int)response.StatusCode, Time.GetElapsedTime(started));
    }

    private protected override void ThrowIfProviderCannotCarry(EmailMessage message) => ResendLimits.ThrowIfCannotCarry(message);

    private protected override HttpRequestMessage CreateRequest(EmailMessage message)
    {
        var attachments = AttachmentStreams.Open(message);
        var request = Post(_emailsUri, (stream, cancellationToken) => ResendPayload.WriteAsync(stream, message, attachments, cancellationToken), attachments);
        if (message.IdempotencyKey is { } key)
        {
            request.Headers.Add(IdempotencyKeyHeader, key);
        }

        return request;
    }

    private protected override async ValueTask<string?> ReadProviderMessageIdAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await ReadAsync(response, ResendJsonContext.Wire.ResendSendResponse, cancellationToken).ConfigureAwait(false))?.Id;

    private protected override HttpApiFailure DescribeFailure(HttpStatusCode status, string body) =>
        ResendFailureReader.Describe(status, body, KindOf(status), _emailsUri);

    private EmailMessage PrepareForBatch(EmailMessage? message, int index)
    {
        if (message is null)
        {
            throw new ArgumentException($"Message {index} of the batch is null.", "messages");
        }

        if (!CanBatch(message))
        {
            throw new ArgumentException($"Message {index} of the batch ({message.Subject}) has attachments, inline images, tags or metadata, which Resend's batch endpoint does not take; send it with SendAsync.", "messages");
        }

        try
        {
            MimeMessageFactory.ThrowIfNotSendable(message);
            ResendLimits.ThrowIfCannotCarry(message);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"Message {index} of the batch cannot be sent: {exception.Message}", "messages", exception);
        }

        return message.MessageId is null ? message with { MessageId = MimeMessageFactory.CreateMessageId(message) } : message;
    }

    private HttpRequestMessage CreateBatchRequest(EmailMessage[] batch)
    {
        var request = Post(_batchUri, (stream, cancellationToken) => ResendPayload.WriteBatchAsync(stream, batch, cancellationToken));
        request.Headers.Add(BatchValidationHeader, PermissiveValidation);
        if (batch.All(m => m.IdempotencyKey is not null))
        {
            // Hashed so any number of keys fits Resend's 256 characters, and the same messages always give the same key.
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', batch.Select(m => m.IdempotencyKey))));
            request.Headers.Add(IdempotencyKeyHeader, $"batch-{Convert.ToHexString(hash).ToLowerInvariant()}");
        }

        return request;
    }

    private HttpRequestMessage Post(Uri uri, Func<Stream, CancellationToken, Task> write, IReadOnlyList<Stream>? attachments = null) => new(HttpMethod.Post, uri)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey) },
        Content = new StreamedJsonContent(write, attachments),
    };

    private List<SendOutcome> Outcomes(EmailMessage[] batch, ResendBatchResponse? answer, int statusCode, TimeSpan duration)
    {
        var refused = (answer?.Errors ?? [])
            .Where(e => e.Index >= 0 && e.Index < batch.Length)
            .GroupBy(e => e.Index)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        var ids = answer?.Data ?? [];

        // Resend lists the created emails in request order, skipping refused ones; if the counts disagree the ids cannot be matched.
        var idsMatch = ids.Count == batch.Length - refused.Count;
        var next = 0;
        var outcomes = new List<SendOutcome>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            var message = batch[i];
            if (refused.TryGetValue(i, out var reason))
            {
                outcomes.Add(SendOutcome.Failed(message, new MailDeliveryException(
                    MailFailureKind.Rejected,
                    $"Resend refused message {message.MessageId} (email {i} of the batch): {reason}",
                    "Fix what Resend's reason says about this email; the other emails of the batch were sent.")
                {
                    TransportName = Name,
                    ServerResponse = reason,
                }));
                continue;
            }

            var providerId = idsMatch ? ids[next++].Id : null;
            HttpApiLog.Accepted(Logger, ProviderName, message.MessageId!, statusCode, providerId);
            outcomes.Add(SendOutcome.Sent(message, Accepted(message, providerId, duration)));
        }

        return outcomes;
    }

    // An accepted request whose body cannot be read is still accepted: the id is then unknown, not the outcome.
    private static async ValueTask<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
