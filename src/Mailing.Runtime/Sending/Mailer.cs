using System.Diagnostics;
using Mailing.Observability;
using Mailing.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Completes a message from configuration (From, Reply-To, Message-Id), hands it to the one
/// <see cref="IEmailTransport"/>, and records the outcome as a span, metrics and a log line.
/// </summary>
/// <remarks>
/// The mailer knows one transport; choosing between several (failover, round robin) is the job of a
/// transport that wraps others, so the mailer does not change when a dispatcher is added.
/// </remarks>
internal sealed class Mailer : IMailer
{
    private const string NoTemplate = "(none)";
    private const string CanceledOutcome = "canceled";
    private const string ErrorOutcome = "error";

    private readonly IEmailTransport _transport;
    private readonly IOptionsMonitor<MailingOptions> _options;
    private readonly MailingTelemetry _telemetry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public Mailer(IEmailTransport transport, IOptionsMonitor<MailingOptions> options, MailingTelemetry telemetry, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        _transport = transport;
        _options = options;
        _telemetry = telemetry;
        _timeProvider = timeProvider;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Mailing.Mailer");
    }

    public Task<SendResult> SendAsync(IEmailTemplate template, EmailAddress to, CancellationToken cancellationToken = default) =>
        SendAsync(EmailMessage.FromTemplate(template, to), cancellationToken);

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        message = Complete(message);

        var transportName = _transport.Name;
        var templateName = message.Template?.GetType().Name ?? NoTemplate;
        var messageId = message.MessageId!;
        var recipientCount = message.To.Count + message.Cc.Count + message.Bcc.Count;
        using var activity = MailingTelemetry.ActivitySource.StartActivity("Mailing.Send", ActivityKind.Client);
        activity?.SetTag(MailingDiagnostics.TransportTag, transportName);
        activity?.SetTag(MailingDiagnostics.TemplateTag, templateName);
        activity?.SetTag(MailingDiagnostics.MessageIdTag, messageId);
        activity?.SetTag(MailingDiagnostics.RecipientCountTag, recipientCount);

        var started = _timeProvider.GetTimestamp();
        try
        {
            var result = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(started);
            if (result.Duration == TimeSpan.Zero)
            {
                result = result with { Duration = elapsed };
            }

            var tags = new TagList
            {
                { MailingDiagnostics.TransportTag, transportName },
                { MailingDiagnostics.TemplateTag, templateName },
            };
            _telemetry.Sent.Add(1, tags);
            tags.Add(MailingDiagnostics.OutcomeTag, MailingDiagnostics.SentOutcome);
            _telemetry.Duration.Record(elapsed.TotalSeconds, tags);
            activity?.SetTag(MailingDiagnostics.OutcomeTag, MailingDiagnostics.SentOutcome);
            activity?.SetStatus(ActivityStatusCode.Ok);
            MailingLog.MessageSent(_logger, result.MessageId, templateName, recipientCount, result.TransportName, elapsed.TotalMilliseconds);
            if (result.RejectedRecipients.Count > 0)
            {
                MailingLog.RecipientsRejected(_logger, result.MessageId, result.TransportName, result.RejectedRecipients.Count);
            }

            return result;
        }
        catch (MailDeliveryException exception)
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            var kind = FailureKindTagValue(exception.Kind);
            var tags = new TagList
            {
                { MailingDiagnostics.TransportTag, exception.TransportName ?? transportName },
                { MailingDiagnostics.TemplateTag, templateName },
                { MailingDiagnostics.FailureKindTag, kind },
            };
            _telemetry.Failed.Add(1, tags);
            _telemetry.Duration.Record(elapsed.TotalSeconds, new TagList
            {
                { MailingDiagnostics.TransportTag, exception.TransportName ?? transportName },
                { MailingDiagnostics.TemplateTag, templateName },
                { MailingDiagnostics.OutcomeTag, kind },
            });
            activity?.SetTag(MailingDiagnostics.OutcomeTag, kind);
            activity?.SetTag(MailingDiagnostics.FailureKindTag, kind);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Kind.ToString());
            MailingLog.SendFailed(_logger, exception, messageId, templateName, exception.TransportName ?? transportName, exception.Kind, exception.IsTransient);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetTag(MailingDiagnostics.OutcomeTag, CanceledOutcome);
            activity?.SetStatus(ActivityStatusCode.Error, CanceledOutcome);
            MailingLog.SendCanceled(_logger, messageId, transportName);
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

    /// <summary>Fills in what the configuration provides and the transports need: From, Reply-To and a Message-Id.</summary>
    private EmailMessage Complete(EmailMessage message)
    {
        var options = _options.CurrentValue;
        if (message.From is null)
        {
            if (options.From is null)
            {
                throw new ArgumentException($"The message has no From address and {options.SectionPath}:From is not configured: set one of them, e.g. \"Shop <no-reply@shop.example>\".", nameof(message));
            }

            message = message with { From = EmailAddress.Parse(options.From) };
        }

        if (message.ReplyTo.Count == 0 && options.ReplyTo is not null)
        {
            message = message with { ReplyTo = [EmailAddress.Parse(options.ReplyTo)] };
        }

        if (message.To.Count + message.Cc.Count + message.Bcc.Count == 0)
        {
            throw new ArgumentException("The message has no recipients: add at least one address to To, Cc or Bcc.", nameof(message));
        }

        return message.MessageId is null ? message with { MessageId = MimeMessageFactory.CreateMessageId(message) } : message;
    }

    private static string FailureKindTagValue(MailFailureKind kind) => kind switch
    {
        MailFailureKind.Connection => "connection",
        MailFailureKind.Tls => "tls",
        MailFailureKind.Authentication => "authentication",
        MailFailureKind.Rejected => "rejected",
        MailFailureKind.RateLimited => "rate_limited",
        MailFailureKind.Timeout => "timeout",
        MailFailureKind.Configuration => "configuration",
        MailFailureKind.Transient => "transient",
        _ => "unknown",
    };
}
