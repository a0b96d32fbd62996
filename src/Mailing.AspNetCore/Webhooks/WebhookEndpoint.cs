using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailing.Webhooks;

/// <summary>
/// Answers one provider's webhook requests: bounded body, then signature or credentials, then timestamp and replay
/// checks, and only then the payload is read as events and handed to the dispatcher, one event after the other.
/// </summary>
/// <remarks>
/// Every outcome is a plain status code and a short text, never an exception page: 413 for an oversized body, 401 for
/// anything unauthenticated (no signature, wrong signature or key, stale timestamp, replay, wrong credentials), 400 for
/// an authentic body that is not the provider's JSON, 500 when a handler fails (the provider retries), 200 otherwise.
/// </remarks>
internal sealed class WebhookEndpoint(IMailWebhook webhook, MailingWebhookOptions options, ReplayGuard replays, TimeProvider time, ILogger logger)
{
    private const string PlainText = "text/plain; charset=utf-8";

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        try
        {
            var body = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                await RefuseAsync(context, WebhookRejection.BodyTooLarge, $"the body is over the {options.MaxBodyBytes}-byte limit (Mailing:Webhooks:MaxBodyBytes)").ConfigureAwait(false);
                return;
            }

            var verdict = webhook.Verify(context.Request.Headers, body.Value);
            if (verdict.Rejection is { } rejection)
            {
                await RefuseAsync(context, rejection, verdict.Detail).ConfigureAwait(false);
                return;
            }

            if (verdict.SignedAt is { } signedAt && (time.GetUtcNow() - signedAt).Duration() > options.TimestampTolerance)
            {
                await RefuseAsync(context, WebhookRejection.StaleTimestamp,
                    $"it was signed at {signedAt:O}, more than {options.TimestampTolerance} from this server's clock (check the clock, or raise Mailing:Webhooks:TimestampTolerance)").ConfigureAwait(false);
                return;
            }

            if (verdict.ReplayKey is { } key && !replays.TryClaim(key))
            {
                await RefuseAsync(context, WebhookRejection.Replayed, "this signature was already accepted; a captured request was sent again").ConfigureAwait(false);
                return;
            }

            var handled = false;
            try
            {
                handled = await HandleEventsAsync(context, body.Value, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Only a handled request uses its signature up: the provider's retry of a failed one may carry the same.
                if (!handled && verdict.ReplayKey is { } usedKey)
                {
                    replays.Release(usedKey);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The provider hung up; it will send the request again.
        }
    }

    private async Task<bool> HandleEventsAsync(HttpContext context, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        IReadOnlyList<MailEvent> events;
        try
        {
            events = webhook.Parse(context.Request.Headers, body);
        }
        catch (WebhookPayloadException exception)
        {
            await RefuseAsync(context, exception.Rejection, exception.Message).ConfigureAwait(false);
            return false;
        }

        if (!await DispatchAsync(context, events, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        WebhookLog.Accepted(logger, webhook.Provider, events.Count);
        context.Response.StatusCode = StatusCodes.Status200OK;
        return true;
    }

    private async Task<bool> DispatchAsync(HttpContext context, IReadOnlyList<MailEvent> events, CancellationToken cancellationToken)
    {
        var dispatcher = context.RequestServices.GetRequiredService<IMailEventDispatcher>();
        foreach (var mailEvent in events)
        {
            try
            {
                await dispatcher.DispatchAsync(mailEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                WebhookLog.HandlerFailed(logger, exception, webhook.Provider, mailEvent.EventId);
                await WriteAsync(context, StatusCodes.Status500InternalServerError, "An event handler failed; send the request again later.").ConfigureAwait(false);
                return false;
            }
        }

        return true;
    }

    /// <returns>The body, or <see langword="null"/> when it is over the limit.</returns>
    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private Task RefuseAsync(HttpContext context, WebhookRejection rejection, string detail)
    {
        var (status, text) = rejection switch
        {
            WebhookRejection.BodyTooLarge => (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            WebhookRejection.MalformedJson or WebhookRejection.NotEvents => (StatusCodes.Status400BadRequest, "The request body is not a webhook payload this endpoint reads."),
            _ => (StatusCodes.Status401Unauthorized, "The request could not be verified."),
        };
        WebhookLog.Refused(logger, webhook.Provider, status, rejection, detail);
        return WriteAsync(context, status, text);
    }

    private static Task WriteAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = PlainText;
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
