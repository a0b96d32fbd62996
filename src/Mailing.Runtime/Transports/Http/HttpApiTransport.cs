using System.Globalization;
using System.Net;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailing.Transports.Http;

/// <summary>
/// What the provider API transports (SendGrid, Postmark, Mailgun, Resend) share: one HTTP request per message through
/// a factory-made <see cref="HttpClient"/>, a per-request deadline, and the same reading of failures.
/// </summary>
/// <remarks>
/// <para>
/// Failures map to <see cref="MailDeliveryException"/> kinds: 401/403 are <see cref="MailFailureKind.Authentication"/>,
/// other 4xx <see cref="MailFailureKind.Rejected"/> with the provider's own error text, 429
/// <see cref="MailFailureKind.RateLimited"/> with <see cref="MailDeliveryException.RetryAfter"/>, 5xx
/// <see cref="MailFailureKind.Transient"/>; no answer within <see cref="HttpApiOptions.Timeout"/> is
/// <see cref="MailFailureKind.Timeout"/> and an unreachable host <see cref="MailFailureKind.Connection"/>.
/// </para>
/// <para>
/// Once the request body has been written out, a lost answer (timeout, dropped connection) means the provider may
/// have accepted the message: the failure carries <see cref="MailDeliveryException.MayHaveBeenDelivered"/>, so no
/// dispatcher resends it by default.
/// </para>
/// </remarks>
public abstract class HttpApiTransport : IEmailTransport
{
    private const int MaxServerResponseLength = 2000;

    private readonly Func<HttpClient> _httpClients;

    private protected HttpApiTransport(HttpApiOptions options, HttpClient httpClient, string name, TimeProvider? timeProvider, ILogger? logger)
        : this(options, ClientOf(httpClient), name, timeProvider, logger)
    {
    }

    /// <param name="options">The provider's options.</param>
    /// <param name="httpClients">Gives the client for each request: with <c>IHttpClientFactory</c> a new one each time, so the
    /// factory can rotate its handlers (DNS changes, connection lifetimes) under a long-lived transport.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <param name="timeProvider">The clock for deadlines and durations.</param>
    /// <param name="logger">Where outcomes are logged.</param>
    private protected HttpApiTransport(HttpApiOptions options, Func<HttpClient> httpClients, string name, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var errors = options.Validate(options.ProviderName);
        if (errors.Count > 0)
        {
            throw new MailDeliveryException(
                MailFailureKind.Configuration,
                $"The {options.ProviderName} transport \"{name}\" is not configured correctly: {string.Join(" ", errors)}")
            {
                TransportName = name,
            };
        }

        Name = name;
        Options = options;
        _httpClients = httpClients;
        Time = timeProvider ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        Endpoint = options.EffectiveEndpoint;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The base URL requests go to: <see cref="HttpApiOptions.Endpoint"/>, or the provider's own API host.</summary>
    public Uri Endpoint { get; }

    private protected HttpApiOptions Options { get; }

    private protected TimeProvider Time { get; }

    private protected ILogger Logger { get; }

    private protected string ProviderName => Options.ProviderName;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The message has no sender or no recipients, or the provider cannot carry it as it is (too many tags, a
    /// metadata key it refuses); nothing was sent, and the message says what to change.
    /// </exception>
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        MimeMessageFactory.ThrowIfNotSendable(message);
        if (message.MessageId is null)
        {
            message = message with { MessageId = MimeMessageFactory.CreateMessageId(message) };
        }

        ThrowIfProviderCannotCarry(message);
        var started = Time.GetTimestamp();
        using var response = await ExchangeAsync(CreateRequest(message), message.MessageId!, cancellationToken).ConfigureAwait(false);
        var providerMessageId = await ReadProviderMessageIdAsync(response, cancellationToken).ConfigureAwait(false);
        HttpApiLog.Accepted(Logger, ProviderName, message.MessageId!, (int)response.StatusCode, providerMessageId);
        return Accepted(message, providerMessageId, Time.GetElapsedTime(started));
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the provider cannot carry <paramref name="message"/> (tag limits and the like).</summary>
    private protected virtual void ThrowIfProviderCannotCarry(EmailMessage message)
    {
    }

    /// <summary>Builds the provider's request for one message, relative to <see cref="Endpoint"/>.</summary>
    private protected abstract HttpRequestMessage CreateRequest(EmailMessage message);

    /// <summary>Reads the provider's id for the accepted message from a successful response (header or body).</summary>
    private protected abstract ValueTask<string?> ReadProviderMessageIdAsync(HttpResponseMessage response, CancellationToken cancellationToken);

    /// <summary>Reads what an error response means; the provider's error JSON gives the text and sometimes a sharper kind.</summary>
    private protected abstract HttpApiFailure DescribeFailure(HttpStatusCode status, string body);

    /// <summary>The kind a status code means when the provider's body says nothing sharper.</summary>
    private protected static MailFailureKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => MailFailureKind.Authentication,
        408 => MailFailureKind.Timeout,
        429 => MailFailureKind.RateLimited,
        >= 500 => MailFailureKind.Transient,
        _ => MailFailureKind.Rejected,
    };

    /// <summary>A result for an accepted message: every recipient accepted (the APIs accept or refuse a message as a whole).</summary>
    private protected SendResult Accepted(EmailMessage message, string? providerMessageId, TimeSpan duration) => new()
    {
        MessageId = message.MessageId ?? "",
        TransportName = Name,
        ProviderMessageId = providerMessageId,
        Duration = duration,
        AcceptedRecipients = message.AllRecipients.DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase).ToArray(),
    };

    /// <summary>
    /// Sends <paramref name="request"/> within <see cref="HttpApiOptions.Timeout"/> and returns the successful response;
    /// any other outcome is thrown as a classified <see cref="MailDeliveryException"/>.
    /// </summary>
    /// <param name="request">The request; disposed here.</param>
    /// <param name="messageId">The message (or batch) the request carries, for logs.</param>
    /// <param name="cancellationToken">The caller's token: its cancellation is rethrown as <see cref="OperationCanceledException"/>.</param>
    private protected async Task<HttpResponseMessage> ExchangeAsync(HttpRequestMessage request, string messageId, CancellationToken cancellationToken)
    {
        using var _ = request;
        var body = request.Content is null ? null : new TrackedHttpContent(request.Content);
        request.Content = body;
        using var timeout = new CancellationTokenSource(Options.Timeout, Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        HttpResponseMessage response;
        try
        {
            response = await _httpClients().SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            throw Unanswered(MailFailureKind.Timeout, $"{ProviderName} did not answer within {Describe(Options.Timeout)}", body, messageId, exception);
        }
        catch (HttpRequestException exception)
        {
            var tls = exception.InnerException is AuthenticationException;
            throw Unanswered(tls ? MailFailureKind.Tls : MailFailureKind.Connection, $"{ProviderName}'s API at {Endpoint.Authority} could not be {(tls ? "reached over a trusted TLS connection" : "reached")} ({exception.HttpRequestError})", body, messageId, exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
            var failure = DescribeFailure(response.StatusCode, text);
            var retryAfter = RetryAfter(response);
            HttpApiLog.Refused(Logger, ProviderName, messageId, (int)response.StatusCode, failure.Kind);
            throw new MailDeliveryException(
                failure.Kind,
                $"{ProviderName} refused message {messageId} with HTTP {(int)response.StatusCode}: {failure.ProviderMessage}",
                failure.Hint ?? DefaultHint(failure.Kind, retryAfter))
            {
                TransportName = Name,
                StatusCode = (int)response.StatusCode,
                EnhancedStatusCode = failure.ProviderErrorCode,
                ServerResponse = Truncate(text),
                RetryAfter = retryAfter,
            };
        }
    }

    /// <summary>Creates a client for each request from <paramref name="factory"/> under <paramref name="clientName"/>.</summary>
    private protected static Func<HttpClient> ClientsFrom(IHttpClientFactory factory, string clientName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return () => factory.CreateClient(clientName);
    }

    /// <summary>Uses <paramref name="httpClient"/> for every request.</summary>
    private protected static Func<HttpClient> ClientOf(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    private MailDeliveryException Unanswered(MailFailureKind kind, string what, TrackedHttpContent? body, string messageId, Exception exception)
    {
        var maybeDelivered = body?.BodySent == true;
        if (maybeDelivered)
        {
            HttpApiLog.OutcomeUnknown(Logger, ProviderName, messageId, kind.ToString());
        }

        var hint = maybeDelivered
            ? $"The whole request had been sent, so {ProviderName} may have accepted the message: check its activity log before sending it again."
            : DefaultHint(kind, null);
        return new MailDeliveryException(kind, $"{what}; message {messageId} {(maybeDelivered ? "may have been sent" : "was not sent")}.", hint, exception)
        {
            TransportName = Name,
            MayHaveBeenDelivered = maybeDelivered,
        };
    }

    private string DefaultHint(MailFailureKind kind, TimeSpan? retryAfter) => kind switch
    {
        MailFailureKind.Authentication => $"{ProviderName} refused the API key: check the transport's ApiKey (a key of another account, region or environment, a revoked key, or one without permission to send mail).",
        MailFailureKind.RateLimited => $"{ProviderName} asked to slow down{(retryAfter is { } wait ? $" for {Describe(wait)}" : "")}: lower the sending rate, spread bulk mail over time, or raise the plan's limit.",
        MailFailureKind.Transient => $"{ProviderName} had a temporary problem; a later attempt may succeed.",
        MailFailureKind.Timeout => $"Check {ProviderName}'s status page and the network between this host and {Endpoint.Authority}; raise the transport's Timeout if requests are legitimately slow.",
        MailFailureKind.Connection => Endpoint.IsLoopback
            ? $"Nothing answered at {Endpoint}: is the test or proxy server at that Endpoint running?"
            : $"Check DNS, the firewall and any proxy between this host and {Endpoint.Authority}.",
        MailFailureKind.Tls => $"The certificate of {Endpoint.Authority} was not trusted: if a proxy intercepts TLS, install its root certificate on this host; verification is never turned off.",
        _ => $"{ProviderName} refused the message itself: fix what its error says (sender domain, recipient, content); sending it again unchanged will not help.",
    };

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter.Date is { } date ? TimeSpan.FromTicks(Math.Max(0, (date - Time.GetUtcNow()).Ticks)) : null;
    }

    private static string Truncate(string text) => text.Length <= MaxServerResponseLength ? text : text[..MaxServerResponseLength] + "…";

    private static string Describe(TimeSpan duration) =>
        duration.TotalSeconds < 1
            ? $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
            : $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
