using Mailing.Queue.Enqueueing;
using Mailing.Queue.Observability;
using Mailing.Queue.RateLimiting;
using Mailing.Queue.Storage;
using Mailing.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace Mailing.Queue.Working;

/// <summary>
/// What a worker does with one queued message: skip it when the sent log already holds its idempotency key, wait for
/// the transport's rate-limit slot, send it through <see cref="IMailer"/> (the dispatcher with its own retry and duplicate
/// rules), then record it in the sent log in the same transaction as Wolverine's acknowledgement.
/// </summary>
/// <remarks>
/// <para>
/// A pre-built Wolverine handler: no code generation and no runtime compiler, so it runs under Wolverine's static type
/// loading as well as its dynamic one.
/// </para>
/// <para>
/// Failures follow the mailer's rules. <see cref="MailDeliveryException.IsTransient"/> failures are tried again later
/// (exponential backoff, never sooner than <see cref="MailDeliveryException.RetryAfter"/>) up to
/// <see cref="MailQueueOptions.MaxAttempts"/>; a permanent failure, and one that may already have been delivered
/// (<see cref="MailDeliveryException.MayHaveBeenDelivered"/>: sending it again could send it twice), go to the dead
/// letters at once with the reason.
/// </para>
/// </remarks>
internal sealed class QueuedEmailHandler : MessageHandler<QueuedEmail>
{
    private const int RecordTries = 5;

    // One handler per host, built before the host's services exist: they are resolved at the first message, then kept
    // (all singletons; two first messages at once resolve the same instances).
    private Dependencies? _dependencies;

    protected override async Task HandleAsync(QueuedEmail queued, MessageContext context, CancellationToken cancellationToken)
    {
        var envelope = context.Envelope!;
        var (registration, database, telemetry, time, logger, defaultTransport, rateLimiter, mailer) = _dependencies ??= Dependencies.From(context.Runtime.Services);
        var options = registration.Options;

        if (await database.FindSentAsync(queued.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } sent)
        {
            telemetry.Duplicates.Add(1);
            MailQueueLog.AlreadySent(logger, queued.Id, queued.MessageId, sent.SentAt);
            return;
        }

        var message = QueuedEmailMapper.ToMessage(queued);
        var transport = message.TransportName ?? defaultTransport.Name;
        await rateLimiter.WaitAsync(transport, cancellationToken).ConfigureAwait(false);

        SendResult result;
        try
        {
            result = await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (MailDeliveryException exception)
        {
            await FailedAsync(queued, exception, context, options, telemetry, time, logger).ConfigureAwait(false);
            return;
        }

        if (!result.WasSent)
        {
            // An interceptor's veto is final: the message is done, and there is nothing to record as sent.
            MailQueueLog.Vetoed(logger, queued.Id, queued.MessageId, result.VetoReason!);
            return;
        }

        var record = new SentRecord(queued.IdempotencyKey, result.MessageId, queued.Id, result.TransportName, result.ProviderMessageId, time.GetUtcNow());
        var keepUntil = time.GetUtcNow() + context.Runtime.DurabilitySettings.KeepAfterMessageHandling;
        var first = await RecordAsync(database, record, envelope, keepUntil, queued, time, logger).ConfigureAwait(false);
        if (!first)
        {
            MailQueueLog.SentTwice(logger, queued.Id, queued.MessageId);
        }

        telemetry.Sent.Add(1, new KeyValuePair<string, object?>(MailQueueDiagnostics.TransportTag, result.TransportName));
        MailQueueLog.Sent(logger, queued.Id, result.MessageId, result.TransportName, envelope.Attempts);
    }

    /// <summary>
    /// Writes the sent log and the acknowledgement, trying again when the database fails for a moment: the message has
    /// been accepted, so giving up here is what would let a redelivery send it twice.
    /// </summary>
    /// <remarks>
    /// Neither the record nor the waits between tries are cancelled by a stopping host: the send has happened, and the
    /// record is what makes it final.
    /// </remarks>
    private static async Task<bool> RecordAsync(QueueDatabase database, SentRecord record, Envelope envelope, DateTimeOffset keepUntil, QueuedEmail queued, TimeProvider time, ILogger logger)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.RecordSentAsync(record, envelope, keepUntil, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < RecordTries && exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                MailQueueLog.RecordFailed(logger, exception, queued.Id, queued.MessageId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task FailedAsync(QueuedEmail queued, MailDeliveryException exception, MessageContext context, MailQueueOptions options, MailQueueTelemetry telemetry, TimeProvider time, ILogger logger)
    {
        var envelope = context.Envelope!;
        var attempt = Math.Max(1, envelope.Attempts);
        var kind = MailingDiagnostics.FailureKindTagValue(exception.Kind);
        var transport = exception.TransportName ?? queued.TransportName ?? "";
        if (exception.IsTransient && attempt < options.MaxAttempts)
        {
            var delay = RetryBackoff.Delay(attempt, options.RetryBaseDelay, options.RetryMaxDelay, exception.RetryAfter, Random.Shared.NextDouble());
            var next = time.GetUtcNow() + delay;
            telemetry.Failed.Add(1, new(MailQueueDiagnostics.TransportTag, transport), new(MailQueueDiagnostics.FailureKindTag, kind), new(MailQueueDiagnostics.OutcomeTag, "retry"));
            MailQueueLog.RetryScheduled(logger, queued.Id, queued.MessageId, attempt, options.MaxAttempts, exception.Kind.ToString(), next);
            await context.ReScheduleAsync(next).ConfigureAwait(false);
            return;
        }

        var reason = exception.MayHaveBeenDelivered
            ? $"the outcome is unknown (the message may have been delivered), so it is not sent again automatically: {exception.Message}"
            : exception.IsTransient
                ? $"still failing after {attempt} attempts: {exception.Message}"
                : exception.Message;
        telemetry.Failed.Add(1, new(MailQueueDiagnostics.TransportTag, transport), new(MailQueueDiagnostics.FailureKindTag, kind), new(MailQueueDiagnostics.OutcomeTag, "dead_letter"));
        telemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>(MailQueueDiagnostics.FailureKindTag, kind));
        MailQueueLog.DeadLettered(logger, queued.Id, queued.MessageId, attempt, reason);
        await context.MoveToDeadLetterQueueAsync(new UndeliverableMailException(exception.Kind, reason, exception)).ConfigureAwait(false);
    }

    private sealed record Dependencies(
        MailQueueRegistration Registration,
        QueueDatabase Database,
        MailQueueTelemetry Telemetry,
        TimeProvider Time,
        ILogger Logger,
        IEmailTransport DefaultTransport,
        SharedRateLimiter RateLimiter,
        IMailer Mailer)
    {
        public static Dependencies From(IServiceProvider services) => new(
            services.GetRequiredService<MailQueueRegistration>(),
            services.GetRequiredService<QueueDatabase>(),
            services.GetRequiredService<MailQueueTelemetry>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Mailing.Queue.Worker"),
            services.GetRequiredService<IEmailTransport>(),
            services.GetRequiredService<SharedRateLimiter>(),
            services.GetRequiredService<IMailer>());
    }
}
