using Mailing.Queue.Enqueueing;
using Mailing.Queue.Working;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Mailing.Queue.DeadLetters;

/// <summary>Dead letters of the mail queue, read from and replayed through Wolverine's dead-letter storage.</summary>
internal sealed class MailDeadLetters : IMailDeadLetters
{
    private const int MaxLimit = 10_000;
    private readonly IWolverineRuntime _runtime;

    public MailDeadLetters(IWolverineRuntime runtime) => _runtime = runtime;

    public async Task<IReadOnlyList<MailDeadLetter>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var found = await QueryAsync(limit, cancellationToken).ConfigureAwait(false);
        return [.. found.Select(f => ToLetter(f.Envelope, f.Queued)).OrderByDescending(l => l.FailedAt)];
    }

    public async Task<MailDeadLetter?> GetAsync(Guid queueId, CancellationToken cancellationToken = default) =>
        await FindAsync(queueId, cancellationToken).ConfigureAwait(false) is { } found ? ToLetter(found.Envelope, found.Queued) : null;

    public async Task<bool> RequeueAsync(Guid queueId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(queueId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return false;
        }

        await _runtime.Storage.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([found.Envelope.Id]), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<(DeadLetterEnvelope Envelope, QueuedEmail Queued)?> FindAsync(Guid queueId, CancellationToken cancellationToken)
    {
        // Dead letters are indexed by Wolverine's envelope id; the queue id is inside the stored message. Only the match
        // becomes a letter: building one copies the message, attachments included.
        var all = await QueryAsync(MaxLimit, cancellationToken).ConfigureAwait(false);
        foreach (var found in all)
        {
            if (found.Queued.Id == queueId)
            {
                return found;
            }
        }

        return null;
    }

    private async Task<List<(DeadLetterEnvelope Envelope, QueuedEmail Queued)>> QueryAsync(int limit, CancellationToken cancellationToken)
    {
        var query = new DeadLetterEnvelopeQuery { MessageType = QueuedEmail.MessageTypeName, PageSize = limit, Replayable = false };
        var results = await _runtime.Storage.DeadLetters.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var found = new List<(DeadLetterEnvelope, QueuedEmail)>();
        foreach (var envelope in results.Envelopes)
        {
            if (Read(envelope) is { } queued)
            {
                found.Add((envelope, queued));
            }
        }

        return found;
    }

    private QueuedEmail? Read(DeadLetterEnvelope envelope)
    {
        if (envelope.Message is QueuedEmail message)
        {
            return message;
        }

        return envelope.Envelope.Data is { Length: > 0 } && envelope.Envelope.Serializer is { } serializer
            ? serializer.ReadFromData(typeof(QueuedEmail), envelope.Envelope) as QueuedEmail
            : _runtime.Options.DefaultSerializer.ReadFromData(typeof(QueuedEmail), envelope.Envelope) as QueuedEmail;
    }

    private static MailDeadLetter ToLetter(DeadLetterEnvelope envelope, QueuedEmail queued)
    {
        var text = envelope.ExceptionMessage ?? "";
        MailFailureKind? kind = null;
        var reason = text;
        if (envelope.ExceptionType == typeof(UndeliverableMailException).FullName)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && Enum.TryParse<MailFailureKind>(text[..colon], out var parsed))
            {
                kind = parsed;
                reason = text[(colon + 1)..].Trim();
            }
        }
        else if (envelope.ExceptionType is { } type)
        {
            reason = $"{type}: {text}";
        }

        return new MailDeadLetter
        {
            QueueId = queued.Id,
            MessageId = queued.MessageId,
            IdempotencyKey = queued.IdempotencyKey,
            FailureKind = kind,
            Reason = reason,
            FailedAt = envelope.FailedAt ?? envelope.SentAt,
            EnqueuedAt = queued.EnqueuedAt,
            RequeueCount = envelope.ReplayCount,
            Message = QueuedEmailMapper.ToMessage(queued),
        };
    }
}
