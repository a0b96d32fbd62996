namespace Mailing.Queue.Enqueueing;

/// <summary>Turns an <see cref="EmailMessage"/> into what the queue stores, and back.</summary>
internal static class QueuedEmailMapper
{
    /// <summary>
    /// Captures a completed message (From, idempotency key and Message-Id set) with the bytes of its attachments, so a
    /// file attached now is sent as it is now.
    /// </summary>
    public static async Task<QueuedEmail> ToQueuedAsync(EmailMessage message, Guid id, DateTimeOffset enqueuedAt, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var queued = new QueuedEmail
        {
            Id = id,
            EnqueuedAt = enqueuedAt,
            NotBefore = notBefore,
            Template = message.Template?.GetType().Name ?? message.TemplateName,
            From = message.From?.ToString(),
            Sender = message.Sender?.ToString(),
            ReplyTo = [.. message.ReplyTo.Select(a => a.ToString())],
            To = [.. message.To.Select(a => a.ToString())],
            Cc = [.. message.Cc.Select(a => a.ToString())],
            Bcc = [.. message.Bcc.Select(a => a.ToString())],
            Subject = message.Subject,
            HtmlBody = message.HtmlBody,
            TextBody = message.TextBody,
            Headers = new Dictionary<string, string>(message.Headers, StringComparer.OrdinalIgnoreCase),
            Tags = [.. message.Tags],
            Metadata = new Dictionary<string, string>(message.Metadata, StringComparer.Ordinal),
            IdempotencyKey = message.IdempotencyKey!,
            MessageId = message.MessageId!,
            Priority = message.Priority,
            Kind = message.Kind,
            UnsubscribeUrl = message.Unsubscribe?.Url.AbsoluteUri,
            UnsubscribeMailto = message.Unsubscribe?.Mailto?.AbsoluteUri,
            SkipSuppressionCheck = message.SkipSuppressionCheck,
            TransportName = message.TransportName,
        };

        foreach (var attachment in message.Attachments)
        {
            queued.Attachments.Add(new QueuedAttachment
            {
                FileName = attachment.FileName,
                ContentType = attachment.ContentType,
                Content = await ReadAllAsync(attachment.OpenRead(), cancellationToken).ConfigureAwait(false),
            });
        }

        foreach (var resource in message.InlineResources)
        {
            queued.InlineResources.Add(new QueuedAttachment
            {
                FileName = resource.FileName ?? "",
                ContentType = resource.ContentType,
                ContentId = resource.ContentId,
                Content = await ReadAllAsync(resource.OpenRead(), cancellationToken).ConfigureAwait(false),
            });
        }

        return queued;
    }

    /// <summary>The message a worker sends: the same fields, Message-Id and idempotency key as when it was enqueued.</summary>
    public static EmailMessage ToMessage(QueuedEmail queued) => new()
    {
        From = queued.From is null ? null : EmailAddress.Parse(queued.From),
        Sender = queued.Sender is null ? null : EmailAddress.Parse(queued.Sender),
        ReplyTo = [.. queued.ReplyTo.Select(EmailAddress.Parse)],
        To = [.. queued.To.Select(EmailAddress.Parse)],
        Cc = [.. queued.Cc.Select(EmailAddress.Parse)],
        Bcc = [.. queued.Bcc.Select(EmailAddress.Parse)],
        Subject = queued.Subject,
        HtmlBody = queued.HtmlBody,
        TextBody = queued.TextBody,
        Attachments = [.. queued.Attachments.Select(a => new EmailAttachment(a.FileName, a.Content, a.ContentType))],
        InlineResources = [.. queued.InlineResources.Select(r => new InlineResource(r.ContentId!, r.Content, r.ContentType, r.FileName.Length == 0 ? null : r.FileName))],
        Headers = queued.Headers,
        Tags = queued.Tags,
        Metadata = queued.Metadata,
        IdempotencyKey = queued.IdempotencyKey,
        MessageId = queued.MessageId,
        Priority = queued.Priority,
        Kind = queued.Kind,
        Unsubscribe = queued.UnsubscribeUrl is null ? null : new UnsubscribeTarget(queued.UnsubscribeUrl, queued.UnsubscribeMailto),
        SkipSuppressionCheck = queued.SkipSuppressionCheck,
        TransportName = queued.TransportName,
        TemplateName = queued.Template,
    };

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
