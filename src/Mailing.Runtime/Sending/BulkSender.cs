using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Mailing.Dispatch;
using Mailing.Transports;

namespace Mailing;

/// <summary>
/// Sends many messages for <see cref="IMailer.SendManyAsync(IEnumerable{EmailMessage}, CancellationToken)"/> and its
/// streaming overload: provider batches where the message's transport has a batch endpoint, otherwise one by one
/// with bounded concurrency, and always one outcome per message, in the order the messages came.
/// </summary>
/// <remarks>
/// The source is read only as fast as sending keeps up: a message is taken when a send slot is free and fewer than
/// four per slot (plus two provider batches: one in flight, one filling) of the outcomes before it are still unread,
/// so a large or endless source is never pulled in whole. When that limit stops the source while the reader waits
/// for a message in a batch still filling, the batch is sent as it is.
/// </remarks>
internal sealed class BulkSender(Mailer mailer, IEmailTransport transport, int concurrency, TimeProvider time)
{
    private static readonly TimeSpan IdleCheckInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How long the source may have nothing ready before messages collected for a provider batch are sent as they are.</summary>
    private static readonly TimeSpan BatchLinger = TimeSpan.FromMilliseconds(100);

    private readonly int _concurrency = Math.Max(1, concurrency);
    private int _largestBatch;

    // The outcome the reader is waiting for, so the source's side can tell when only a batch still filling blocks it.
    private volatile Task<SendOutcome>? _awaited;

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IEnumerable<EmailMessage> messages, CancellationToken cancellationToken)
    {
        var given = messages.ToArray();
        for (var i = 0; i < given.Length; i++)
        {
            if (given[i] is null)
            {
                throw new ArgumentException($"Message {i} is null.", nameof(messages));
            }
        }

        var outcomes = new List<SendOutcome>(given.Length);
        await foreach (var outcome in SendAsync(new SynchronousAsyncEnumerable<EmailMessage>(given), cancellationToken).ConfigureAwait(false))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    public async IAsyncEnumerable<SendOutcome> SendAsync(IAsyncEnumerable<EmailMessage> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Neither semaphore is disposed: a send still in flight after the reader broke off releases its slot later.
        var slots = new SemaphoreSlim(_concurrency);
        var unread = new SemaphoreSlim(4 * _concurrency);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inOrder = Channel.CreateUnbounded<Task<SendOutcome>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var producing = ProduceAsync(messages, inOrder.Writer, slots, unread, stopping.Token);
        try
        {
            await foreach (var pending in inOrder.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _awaited = pending;
                var outcome = await pending.ConfigureAwait(false);
                _awaited = null;
                unread.Release();
                yield return outcome;
            }
        }
        finally
        {
            // The reader stopped early (it broke off, or a bug surfaced): stop taking messages; what is in flight finishes.
            await stopping.CancelAsync().ConfigureAwait(false);
            try
            {
                await producing.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }
    }

    private async Task ProduceAsync(
        IAsyncEnumerable<EmailMessage> messages, ChannelWriter<Task<SendOutcome>> inOrder, SemaphoreSlim slots, SemaphoreSlim unread, CancellationToken cancellationToken)
    {
        var batches = new Dictionary<IBatchEmailTransport, List<BatchMember>>(ReferenceEqualityComparer.Instance);
        Exception? failure = null;
        try
        {
            var index = 0;
            var source = messages.GetAsyncEnumerator(cancellationToken);
            await using (source.ConfigureAwait(false))
            {
                while (await NextAsync(source, batches, slots, cancellationToken).ConfigureAwait(false))
                {
                    while (!await unread.WaitAsync(IdleCheckInterval, cancellationToken).ConfigureAwait(false))
                    {
                        // Too many outcomes are unread. When the one the reader waits for is in a batch still filling,
                        // nothing else can free room: send the batches as they are rather than wait forever.
                        if (_awaited is { IsCompleted: false } awaited && batches.Values.Any(members => members.Exists(m => m.Outcome.Task == awaited)))
                        {
                            await FlushBatchesAsync(batches, slots, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    inOrder.TryWrite(await StartAsync(source.Current, index++, batches, slots, unread, cancellationToken).ConfigureAwait(false));
                }
            }

            await FlushBatchesAsync(batches, slots, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            inOrder.Complete(failure);
        }
    }

    /// <returns>The message's outcome, finished or to come; a batch member's comes when its batch is sent.</returns>
    private async Task<Task<SendOutcome>> StartAsync(
        EmailMessage? message,
        int index,
        Dictionary<IBatchEmailTransport, List<BatchMember>> batches,
        SemaphoreSlim slots,
        SemaphoreSlim unread,
        CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentException($"Message {index} is null.", "messages");
        }

        PreparedMessage prepared;
        try
        {
            prepared = await mailer.PrepareAsync(mailer.Complete(message), cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException exception)
        {
            return Task.FromResult(NotSendable(message, index, exception));
        }

        if (prepared.VetoReason is { } reason)
        {
            return Task.FromResult(SendOutcome.Sent(prepared.Message, await mailer.VetoedAsync(prepared, reason, cancellationToken).ConfigureAwait(false)));
        }

        if (BatchTargetFor(prepared.Message) is { } batch && batch.CanBatch(prepared.Message))
        {
            if (batch.MaxBatchSize > _largestBatch)
            {
                // Room for one batch in flight and the next filling, or batches would be sent before they are full.
                unread.Release(2 * (batch.MaxBatchSize - _largestBatch));
                _largestBatch = batch.MaxBatchSize;
            }

            var member = new BatchMember(prepared);
            var members = batches.TryGetValue(batch, out var list) ? list : batches[batch] = [];
            members.Add(member);
            if (members.Count >= Math.Max(1, batch.MaxBatchSize))
            {
                batches.Remove(batch);
                await StartBatchAsync(batch, members, slots, cancellationToken).ConfigureAwait(false);
            }

            return member.Outcome.Task;
        }

        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return SendOneAsync(prepared, slots, cancellationToken);
    }

    /// <summary>Moves to the next message; a source that has none ready for <see cref="BatchLinger"/> gets its waiting batches sent.</summary>
    private async Task<bool> NextAsync(
        IAsyncEnumerator<EmailMessage> source, Dictionary<IBatchEmailTransport, List<BatchMember>> batches, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var next = source.MoveNextAsync();
        if (next.IsCompleted || batches.Count == 0)
        {
            return await next.ConfigureAwait(false);
        }

        var moved = next.AsTask();
        if (await Task.WhenAny(moved, Task.Delay(BatchLinger, time, cancellationToken)).ConfigureAwait(false) != moved)
        {
            // A source that pauses (a queue, a slow query) must not hold collected messages until a batch fills.
            await FlushBatchesAsync(batches, slots, cancellationToken).ConfigureAwait(false);
        }

        return await moved.ConfigureAwait(false);
    }

    private async Task FlushBatchesAsync(Dictionary<IBatchEmailTransport, List<BatchMember>> batches, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        foreach (var (batch, members) in batches)
        {
            await StartBatchAsync(batch, members, slots, cancellationToken).ConfigureAwait(false);
        }

        batches.Clear();
    }

    private async Task StartBatchAsync(IBatchEmailTransport batch, List<BatchMember> members, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        _ = SendBatchAsync(batch, members, slots, cancellationToken);
    }

    private async Task<SendOutcome> SendOneAsync(PreparedMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOneAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<SendOutcome> SendOneAsync(PreparedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return SendOutcome.Sent(message.Message, await mailer.DeliverAsync(message, cancellationToken).ConfigureAwait(false));
        }
        catch (MailDeliveryException failure)
        {
            return SendOutcome.Failed(message.Message, failure);
        }
        catch (ArgumentException exception)
        {
            return NotSendable(message.Message, null, exception);
        }
    }

    /// <summary>Sends one provider batch and completes each member's outcome; never throws (a member's outcome carries it).</summary>
    private async Task SendBatchAsync(IBatchEmailTransport batch, List<BatchMember> members, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var messages = members.Select(m => m.Prepared.Message).ToArray();
            IReadOnlyList<SendOutcome> results;
            var started = time.GetTimestamp();
            try
            {
                results = await batch.SendBatchAsync(messages, cancellationToken).ConfigureAwait(false);
            }
            catch (MailDeliveryException failure) when (!failure.MayHaveBeenDelivered)
            {
                // Nothing was accepted: each message gets its own chance, through failover when there is one.
                foreach (var member in members)
                {
                    member.Outcome.SetResult(await SendOneAsync(member.Prepared, cancellationToken).ConfigureAwait(false));
                }

                return;
            }
            catch (MailDeliveryException failure)
            {
                foreach (var member in members)
                {
                    await mailer.FailedAsync(member.Prepared.Message, failure, time.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
                    member.Outcome.SetResult(SendOutcome.Failed(member.Prepared.Message, failure));
                }

                return;
            }

            var elapsed = time.GetElapsedTime(started);
            for (var k = 0; k < members.Count; k++)
            {
                var member = members[k];
                var outcome = results[k];
                if (outcome.Succeeded)
                {
                    member.Outcome.SetResult(SendOutcome.Sent(member.Prepared.Message, await mailer.SentAsync(member.Prepared, outcome.Result, elapsed, cancellationToken).ConfigureAwait(false)));
                }
                else if (!outcome.Failure.MayHaveBeenDelivered && outcome.Failure.Kind != MailFailureKind.Rejected)
                {
                    member.Outcome.SetResult(await SendOneAsync(member.Prepared, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    await mailer.FailedAsync(member.Prepared.Message, outcome.Failure, elapsed, cancellationToken).ConfigureAwait(false);
                    member.Outcome.SetResult(outcome);
                }
            }
        }
        catch (Exception exception)
        {
            // Cancellation or a bug: every member still waiting hears about it, so the reader never hangs.
            foreach (var member in members)
            {
                member.Outcome.TrySetException(exception);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The batch-capable transport a message would go to first, if any: routing and failover are looked through.</summary>
    private IBatchEmailTransport? BatchTargetFor(EmailMessage message)
    {
        var current = transport;
        for (var depth = 0; depth < 16; depth++)
        {
            switch (current)
            {
                case IBatchEmailTransport batch:
                    return batch;
                case RoutingTransport routing:
                    try
                    {
                        current = routing.Select(message);
                    }
                    catch (MailDeliveryException)
                    {
                        return null; // the single send reports the unknown transport name
                    }

                    break;
                case FailoverTransport failover:
                    current = failover.First;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static SendOutcome NotSendable(EmailMessage message, int? index, ArgumentException exception) =>
        SendOutcome.Failed(message, new MailDeliveryException(
            MailFailureKind.Rejected,
            $"{(index is { } i ? $"Message {i}" : $"Message {message.MessageId}")} is not sendable: {exception.Message}",
            "Fix the message; it was not handed to any transport.",
            exception));

    /// <summary>A message waiting in a provider batch, and where its outcome goes when the batch is answered.</summary>
    private sealed class BatchMember(PreparedMessage prepared)
    {
        public PreparedMessage Prepared { get; } = prepared;

        public TaskCompletionSource<SendOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
