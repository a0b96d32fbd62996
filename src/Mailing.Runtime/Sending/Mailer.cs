using System.Diagnostics;
using Mailing.Observability;
using Mailing.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Completes a message from configuration (From, Reply-To, Message-Id), lets interceptors change or stop it, withholds
/// recipients on the suppression list, hands it to the one <see cref="IEmailTransport"/>, tells observers, and records
/// the outcome as a span, metrics and a log line.
/// </summary>
/// <remarks>
/// The mailer knows one transport; choosing between several (failover, round robin, routing) is the job of a
/// transport that wraps others, so the mailer does not change when a dispatcher is added.
/// </remarks>
internal sealed class Mailer : IMailer
{
    private const string NoTemplate = "(none)";
    private const string CanceledOutcome = "canceled";
    private const string ErrorOutcome = "error";
    private const string VetoedOutcome = "vetoed";

    private readonly IEmailTransport _transport;
    private readonly IOptionsMonitor<MailingOptions> _options;
    private readonly MailingTelemetry _telemetry;
    private readonly TimeProvider _timeProvider;
    private readonly IMailInterceptor[] _interceptors;
    private readonly IMailObserver[] _observers;
    private readonly SuppressionCheck? _suppressionCheck;
    private readonly ILogger _logger;

    public Mailer(
        IEmailTransport transport,
        IOptionsMonitor<MailingOptions> options,
        MailingTelemetry telemetry,
        TimeProvider timeProvider,
        IEnumerable<IMailInterceptor>? interceptors = null,
        IEnumerable<IMailObserver>? observers = null,
        ILoggerFactory? loggerFactory = null,
        ISuppressionList? suppressionList = null)
    {
        _transport = transport;
        _options = options;
        _telemetry = telemetry;
        _timeProvider = timeProvider;
        _interceptors = interceptors?.ToArray() ?? [];
        _observers = observers?.ToArray() ?? [];
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Mailing.Mailer");
        _suppressionCheck = suppressionList is null ? null : new SuppressionCheck(suppressionList, _logger);
    }

    public Task<SendResult> SendAsync(IEmailTemplate template, EmailAddress to, CancellationToken cancellationToken = default) =>
        SendAsync(EmailMessage.FromTemplate(template, to), cancellationToken);

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var prepared = await PrepareAsync(Complete(message), cancellationToken).ConfigureAwait(false);
        return await DeliverAsync(prepared, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<SendOutcome>> SendManyAsync(IEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return CreateBulkSender().SendAsync(messages, cancellationToken);
    }

    public IAsyncEnumerable<SendOutcome> SendManyAsync(IAsyncEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return CreateBulkSender().SendAsync(messages, cancellationToken);
    }

    private BulkSender CreateBulkSender() => new(this, _transport, _options.CurrentValue.SendManyConcurrency, _timeProvider);

    /// <summary>Fills in what the configuration provides and the transports need: From, Reply-To and a Message-Id.</summary>
    /// <exception cref="ArgumentException">The message has no From and none is configured, has no recipients, or is bulk mail that asks to skip the suppression check.</exception>
    internal EmailMessage Complete(EmailMessage message) => EmailMessageCompleter.Complete(message, _options.CurrentValue);

    /// <summary>Runs the interceptors over a completed message, then withholds the recipients on the suppression list.</summary>
    internal async ValueTask<PreparedMessage> PrepareAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var intercepted = await InterceptAsync(message, cancellationToken).ConfigureAwait(false);
        if (intercepted.VetoReason is not null || _suppressionCheck is null)
        {
            return intercepted;
        }

        var (kept, withheld) = await _suppressionCheck.ApplyAsync(intercepted.Message, cancellationToken).ConfigureAwait(false);
        if (withheld.Count == 0)
        {
            return intercepted;
        }

        return kept.AllRecipients.Any()
            ? new PreparedMessage(kept, null, withheld)
            : new PreparedMessage(intercepted.Message, SuppressionCheck.NobodyLeft(withheld), withheld);
    }

    private async ValueTask<PreparedMessage> InterceptAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (_interceptors.Length == 0)
        {
            return new PreparedMessage(message, null);
        }

        var context = new MailSendingContext(message);
        foreach (var interceptor in _interceptors)
        {
            await interceptor.OnSendingAsync(context, cancellationToken).ConfigureAwait(false);
            if (context.VetoReason is not null)
            {
                break;
            }
        }

        // An interceptor may have dropped the Message-Id with a new message; every transport needs one.
        var result = context.Message.MessageId is null
            ? context.Message with { MessageId = MimeMessageFactory.CreateMessageId(context.Message) }
            : context.Message;
        return new PreparedMessage(result, context.VetoReason);
    }

    /// <summary>Sends one prepared message through the transport, with span, metrics, log and observers.</summary>
    internal async Task<SendResult> DeliverAsync(PreparedMessage prepared, CancellationToken cancellationToken)
    {
        var message = prepared.Message;
        var templateName = TemplateName(message);
        using var activity = MailingTelemetry.ActivitySource.StartActivity("Mailing.Send", ActivityKind.Client);
        activity?.SetTag(MailingDiagnostics.TransportTag, _transport.Name);
        activity?.SetTag(MailingDiagnostics.TemplateTag, templateName);
        activity?.SetTag(MailingDiagnostics.MessageIdTag, message.MessageId);
        activity?.SetTag(MailingDiagnostics.RecipientCountTag, message.To.Count + message.Cc.Count + message.Bcc.Count);

        if (prepared.VetoReason is { } reason)
        {
            activity?.SetTag(MailingDiagnostics.OutcomeTag, VetoedOutcome);
            return await VetoedAsync(prepared, reason, cancellationToken).ConfigureAwait(false);
        }

        var started = _timeProvider.GetTimestamp();
        try
        {
            var result = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
            result = await SentAsync(prepared, result, _timeProvider.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            activity?.SetTag(MailingDiagnostics.TransportTag, result.TransportName);
            activity?.SetTag(MailingDiagnostics.AttemptsTag, result.Attempts);
            activity?.SetTag(MailingDiagnostics.OutcomeTag, MailingDiagnostics.SentOutcome);
            activity?.SetStatus(ActivityStatusCode.Ok);
            return result;
        }
        catch (MailDeliveryException exception)
        {
            var kind = MailingDiagnostics.FailureKindTagValue(exception.Kind);
            activity?.SetTag(MailingDiagnostics.TransportTag, exception.TransportName ?? _transport.Name);
            activity?.SetTag(MailingDiagnostics.AttemptsTag, exception.Attempts);
            activity?.SetTag(MailingDiagnostics.OutcomeTag, kind);
            activity?.SetTag(MailingDiagnostics.FailureKindTag, kind);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Kind.ToString());
            await FailedAsync(message, exception, _timeProvider.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetTag(MailingDiagnostics.OutcomeTag, CanceledOutcome);
            activity?.SetStatus(ActivityStatusCode.Error, CanceledOutcome);
            MailingLog.SendCanceled(_logger, message.MessageId!, _transport.Name);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not a delivery failure (e.g. an attachment file that vanished): the span still says it failed.
            activity?.SetTag(MailingDiagnostics.OutcomeTag, ErrorOutcome);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// Records an accepted message (metrics, log, observers) and returns its result with the duration filled in and the
    /// recipients the suppression list withheld listed first among the rejected ones.
    /// </summary>
    internal async ValueTask<SendResult> SentAsync(PreparedMessage prepared, SendResult result, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var message = prepared.Message;
        if (result.Duration == TimeSpan.Zero)
        {
            result = result with { Duration = elapsed };
        }

        if (prepared.Withheld is { Count: > 0 } withheld)
        {
            result = result with { RejectedRecipients = [.. withheld, .. result.RejectedRecipients] };
        }

        var templateName = TemplateName(message);
        var tags = new TagList
        {
            { MailingDiagnostics.TransportTag, result.TransportName },
            { MailingDiagnostics.TemplateTag, templateName },
        };
        _telemetry.Sent.Add(1, tags);
        tags.Add(MailingDiagnostics.OutcomeTag, MailingDiagnostics.SentOutcome);
        _telemetry.Duration.Record(elapsed.TotalSeconds, tags);
        MailingLog.MessageSent(_logger, result.MessageId, templateName, message.To.Count + message.Cc.Count + message.Bcc.Count, result.TransportName, elapsed.TotalMilliseconds, result.Attempts);
        if (result.RejectedRecipients.Count > (prepared.Withheld?.Count ?? 0))
        {
            MailingLog.RecipientsRejected(_logger, result.MessageId, result.TransportName, result.RejectedRecipients.Count - (prepared.Withheld?.Count ?? 0));
        }

        foreach (var observer in _observers)
        {
            await NotifyAsync(observer, o => o.OnSentAsync(message, result, cancellationToken)).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Records a message no transport accepted (metrics, log, observers).</summary>
    internal async ValueTask FailedAsync(EmailMessage message, MailDeliveryException exception, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var templateName = TemplateName(message);
        var transportName = exception.TransportName ?? _transport.Name;
        var kind = MailingDiagnostics.FailureKindTagValue(exception.Kind);
        _telemetry.Failed.Add(1, new TagList
        {
            { MailingDiagnostics.TransportTag, transportName },
            { MailingDiagnostics.TemplateTag, templateName },
            { MailingDiagnostics.FailureKindTag, kind },
        });
        _telemetry.Duration.Record(elapsed.TotalSeconds, new TagList
        {
            { MailingDiagnostics.TransportTag, transportName },
            { MailingDiagnostics.TemplateTag, templateName },
            { MailingDiagnostics.OutcomeTag, kind },
        });
        MailingLog.SendFailed(_logger, exception, message.MessageId!, templateName, transportName, exception.Kind, exception.IsTransient, exception.Attempts);
        foreach (var observer in _observers)
        {
            await NotifyAsync(observer, o => o.OnFailedAsync(message, exception, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The result for a message an interceptor stopped, or whose every recipient is suppressed.</summary>
    internal async ValueTask<SendResult> VetoedAsync(PreparedMessage prepared, string reason, CancellationToken cancellationToken)
    {
        var message = prepared.Message;
        MailingLog.SendVetoed(_logger, message.MessageId!, TemplateName(message), reason);
        foreach (var observer in _observers)
        {
            await NotifyAsync(observer, o => o.OnVetoedAsync(message, reason, cancellationToken)).ConfigureAwait(false);
        }

        return new SendResult
        {
            MessageId = message.MessageId!,
            TransportName = _transport.Name,
            VetoReason = reason,
            Attempts = 0,
            RejectedRecipients = prepared.Withheld ?? [],
        };
    }

    private async ValueTask NotifyAsync(IMailObserver observer, Func<IMailObserver, ValueTask> notify)
    {
        try
        {
            await notify(observer).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            MailingLog.ObserverFailed(_logger, exception, observer.GetType().Name);
        }
    }

    private static string TemplateName(EmailMessage message) => message.Template?.GetType().Name ?? message.TemplateName ?? NoTemplate;
}
