using Wolverine;
using Wolverine.Runtime;

namespace Mailing.Queue.Enqueueing;

/// <summary>Completes, captures and publishes messages to the queue through Wolverine (or through an outbox it was given).</summary>
internal sealed class MailQueue : IMailQueue
{
    private const string KeyPrefix = "mailing-queue:";

    private readonly IWolverineRuntime _runtime;
    private readonly EmailMessageCompleter _completer;
    private readonly TimeProvider _time;
    private readonly IMessageBus? _outbox;

    public MailQueue(IWolverineRuntime runtime, EmailMessageCompleter completer, TimeProvider time)
        : this(runtime, completer, time, null)
    {
    }

    private MailQueue(IWolverineRuntime runtime, EmailMessageCompleter completer, TimeProvider time, IMessageBus? outbox)
    {
        _runtime = runtime;
        _completer = completer;
        _time = time;
        _outbox = outbox;
    }

    public Task<EnqueuedMail> EnqueueAsync(IEmailTemplate template, EmailAddress to, DateTimeOffset? notBefore = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(EmailMessage.FromTemplate(template, to), notBefore, cancellationToken);

    public async Task<EnqueuedMail> EnqueueAsync(EmailMessage message, DateTimeOffset? notBefore = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var id = Guid.CreateVersion7(_time.GetUtcNow());
        var completed = Complete(message, id);
        var now = _time.GetUtcNow();
        var due = notBefore is { } at && at > now ? notBefore : null;
        var queued = await QueuedEmailMapper.ToQueuedAsync(completed, id, now, due, cancellationToken).ConfigureAwait(false);

        var bus = _outbox ?? new MessageBus(_runtime);
        if (due is { } when)
        {
            await bus.ScheduleAsync(queued, when).ConfigureAwait(false);
        }
        else
        {
            await bus.PublishAsync(queued).ConfigureAwait(false);
        }

        return new EnqueuedMail { Id = id, MessageId = queued.MessageId, IdempotencyKey = queued.IdempotencyKey, NotBefore = due };
    }

    public IMailQueue WithOutbox(IMessageBus outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return new MailQueue(_runtime, _completer, _time, outbox);
    }

    /// <summary>
    /// Fills in what a worker must not decide later: the idempotency key, then what the mailer would complete (From and
    /// Reply-To from configuration, the Message-Id derived from the key), with the mailer's own rules.
    /// </summary>
    private EmailMessage Complete(EmailMessage message, Guid id)
    {
        if (message.IdempotencyKey is null)
        {
            message = message with { IdempotencyKey = KeyPrefix + id.ToString("N") };
        }

        return _completer.Complete(message);
    }
}
