using Mailing.Dispatch;
using Mailing.Transports;

namespace Mailing;

/// <summary>
/// Sends many messages for <see cref="IMailer.SendManyAsync"/>: provider batches where the message's transport has a
/// batch endpoint, otherwise one by one with bounded concurrency, and always one outcome per message.
/// </summary>
internal sealed class BulkSender(Mailer mailer, IEmailTransport transport, int concurrency, TimeProvider time)
{
    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IEnumerable<EmailMessage> messages, CancellationToken cancellationToken)
    {
        var given = messages.ToArray();
        var outcomes = new SendOutcome?[given.Length];
        var prepared = new PreparedMessage[given.Length];
        var single = new List<int>();
        var batches = new Dictionary<IBatchEmailTransport, List<int>>(ReferenceEqualityComparer.Instance);

        for (var i = 0; i < given.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (given[i] is null)
            {
                throw new ArgumentException($"Message {i} is null.", nameof(messages));
            }

            try
            {
                prepared[i] = await mailer.PrepareAsync(mailer.Complete(given[i]), cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                outcomes[i] = NotSendable(given[i], i, exception);
                continue;
            }

            if (prepared[i].VetoReason is { } reason)
            {
                outcomes[i] = SendOutcome.Sent(prepared[i].Message, await mailer.VetoedAsync(prepared[i].Message, reason, cancellationToken).ConfigureAwait(false));
            }
            else if (BatchTargetFor(prepared[i].Message) is { } batch && batch.CanBatch(prepared[i].Message))
            {
                (batches.TryGetValue(batch, out var list) ? list : batches[batch] = []).Add(i);
            }
            else
            {
                single.Add(i);
            }
        }

        foreach (var (batch, indexes) in batches)
        {
            foreach (var chunk in indexes.Chunk(Math.Max(1, batch.MaxBatchSize)))
            {
                await SendBatchAsync(batch, chunk, prepared, outcomes, single, cancellationToken).ConfigureAwait(false);
            }
        }

        await Parallel.ForEachAsync(
            single,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, token) => outcomes[index] = await SendOneAsync(prepared[index], token).ConfigureAwait(false)).ConfigureAwait(false);

        return outcomes.Select((o, i) => o ?? throw new InvalidOperationException($"Message {i} got no outcome.")).ToArray();
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

    private async Task SendBatchAsync(
        IBatchEmailTransport batch, int[] chunk, PreparedMessage[] prepared, SendOutcome?[] outcomes, List<int> single, CancellationToken cancellationToken)
    {
        var messages = chunk.Select(i => prepared[i].Message).ToArray();
        IReadOnlyList<SendOutcome> results;
        var started = time.GetTimestamp();
        try
        {
            results = await batch.SendBatchAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        catch (MailDeliveryException failure) when (!failure.MayHaveBeenDelivered)
        {
            // Nothing was accepted: each message gets its own chance, through failover when there is one.
            single.AddRange(chunk);
            return;
        }
        catch (MailDeliveryException failure)
        {
            foreach (var i in chunk)
            {
                outcomes[i] = SendOutcome.Failed(prepared[i].Message, failure);
                await mailer.FailedAsync(prepared[i].Message, failure, time.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var elapsed = time.GetElapsedTime(started);
        for (var k = 0; k < chunk.Length; k++)
        {
            var i = chunk[k];
            var outcome = results[k];
            if (outcome.Succeeded)
            {
                outcomes[i] = SendOutcome.Sent(prepared[i].Message, await mailer.SentAsync(prepared[i].Message, outcome.Result, elapsed, cancellationToken).ConfigureAwait(false));
            }
            else if (!outcome.Failure.MayHaveBeenDelivered && outcome.Failure.Kind != MailFailureKind.Rejected)
            {
                single.Add(i);
            }
            else
            {
                outcomes[i] = outcome;
                await mailer.FailedAsync(prepared[i].Message, outcome.Failure, elapsed, cancellationToken).ConfigureAwait(false);
            }
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
}
