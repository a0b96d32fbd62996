namespace Mailing.Transports.Local;

/// <summary>
/// Keeps every message instead of delivering it, for tests and local development. Each message is
/// still turned into MIME, so a message SMTP would refuse to build fails here too.
/// </summary>
/// <remarks>
/// Thread-safe. Register with <c>AddMailing(...).UseInMemoryTransport()</c> or <c>Transport: "memory://default"</c>,
/// resolve it from the service provider, and assert with the <c>Mailing.Testing</c> extension methods
/// (<c>mail.Sent&lt;WelcomeEmail&gt;(e =&gt; ...)</c>, <c>mail.NothingSent()</c>).
/// </remarks>
public sealed class InMemoryTransport : IEmailTransport
{
    private readonly object _gate = new();
    private readonly List<SentEmail> _sent = [];
    private readonly Queue<MailDeliveryException> _failures = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty transport.</summary>
    /// <param name="timeProvider">The clock for Date headers and <see cref="SentEmail.SentAt"/>; the system clock when <see langword="null"/>.</param>
    /// <param name="name">The name reported in <see cref="SendResult.TransportName"/>.</param>
    public InMemoryTransport(TimeProvider? timeProvider = null, string name = "memory")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _timeProvider = timeProvider ?? TimeProvider.System;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Signs each message with DKIM, as SMTP would; <see langword="null"/> (the default) keeps it unsigned.</summary>
    public DkimMessageSigner? Dkim { get; init; }

    /// <summary>A snapshot of the messages sent so far, oldest first.</summary>
    public IReadOnlyList<SentEmail> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>How many messages were sent so far.</summary>
    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>Forgets every message sent so far and every queued failure.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _sent.Clear();
            _failures.Clear();
        }
    }

    /// <summary>
    /// Makes the next send fail with <paramref name="exception"/>, to test how an application handles
    /// delivery failures. Calls queue up: each failure is used once, in order.
    /// </summary>
    /// <param name="exception">The failure to throw, e.g. <c>new MailDeliveryException(MailFailureKind.RateLimited, "421 slow down")</c>.</param>
    public void FailNext(MailDeliveryException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            _failures.Enqueue(exception);
        }
    }

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_failures.TryDequeue(out var failure))
            {
                throw failure;
            }
        }

        var started = _timeProvider.GetTimestamp();
        if (message.MessageId is null)
        {
            message = message with { MessageId = MimeMessageFactory.CreateMessageId(message) };
        }

        // The bytes an SMTP server would receive (Bcc left out), signed as SMTP would sign them.
        var (bytes, text) = await LocalMessageBytes.WriteAsync(message, _timeProvider, hideBlindCopies: true, Dkim, cancellationToken).ConfigureAwait(false);
        SentEmail sent;
        using (bytes)
        {
            sent = new SentEmail(message, bytes.ToArray(), text, _timeProvider.GetUtcNow());
        }

        lock (_gate)
        {
            _sent.Add(sent);
        }

        return new SendResult
        {
            MessageId = sent.MessageId,
            TransportName = Name,
            Duration = _timeProvider.GetElapsedTime(started),
            AcceptedRecipients = message.AllRecipients.ToArray(),
        };
    }
}
