using Mailing.Observability;
using Mailing.Transports.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Mailing.Runtime.Tests.Sending;

/// <summary>What a queue or an outbox gets when it completes a message now to send it later.</summary>
public sealed class EmailMessageCompleterTests : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public EmailMessageCompleterTests()
    {
        var services = new ServiceCollection();
        services.AddMailing(o =>
        {
            o.From = "Shop <no-reply@shop.example>";
            o.ReplyTo = "help@shop.example";
        }).UseInMemoryTransport();
        _provider = services.BuildServiceProvider();
    }

    private EmailMessageCompleter Completer => _provider.GetRequiredService<EmailMessageCompleter>();

    private IMailer Mailer => _provider.GetRequiredService<IMailer>();

    private InMemoryTransport Mail => _provider.GetRequiredService<InMemoryTransport>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    [Fact]
    public async Task CompletedNow_IsWhatTheMailerSendsForTheSameMessage_FromReplyToAndMessageIdIncluded()
    {
        var message = new EmailMessage { To = ["ann@example.com"], Subject = "Order 1", TextBody = "x", IdempotencyKey = "order-1-receipt" };

        var completed = Completer.Complete(message);
        await Mailer.SendAsync(message);

        var sent = Assert.Single(Mail.Sent).Message;
        Assert.Equal("no-reply@shop.example", completed.From!.Address);
        Assert.Equal("Shop", completed.From.DisplayName);
        Assert.Equal("help@shop.example", Assert.Single(completed.ReplyTo).Address);
        Assert.Equal(sent.MessageId, completed.MessageId);
        Assert.Equal(sent.From, completed.From);
        Assert.Equal(sent.ReplyTo, completed.ReplyTo);
    }

    [Fact]
    public async Task CompletedMessage_IsSentAsItIs_WithTheMessageIdItGotWhenCompleted()
    {
        var completed = Completer.Complete(new EmailMessage { To = ["ann@example.com"], TextBody = "x" });

        var result = await Mailer.SendAsync(completed);

        Assert.NotNull(completed.MessageId);
        Assert.Equal(completed.MessageId, result.MessageId);
        Assert.Equal(completed.MessageId, Assert.Single(Mail.Sent).Message.MessageId);
    }

    [Fact]
    public void WhatTheMessageHas_IsKept_AndCompletingAgainChangesNothing()
    {
        var message = new EmailMessage
        {
            From = "Billing <billing@shop.example>",
            ReplyTo = ["accounts@shop.example"],
            To = ["ann@example.com"],
            MessageId = "invoice-7@shop.example",
        };

        var completed = Completer.Complete(message);

        Assert.Same(message, completed);
        Assert.Same(completed, Completer.Complete(completed));
    }

    [Fact]
    public void SameIdempotencyKey_GetsTheSameMessageId_WithoutAKeyEachMessageGetsItsOwn()
    {
        var message = new EmailMessage { To = ["ann@example.com"], IdempotencyKey = "order-2-receipt" };
        var keyless = new EmailMessage { To = ["ann@example.com"] };

        Assert.Equal(Completer.Complete(message).MessageId, Completer.Complete(message with { Subject = "again" }).MessageId);
        Assert.NotEqual(Completer.Complete(keyless).MessageId, Completer.Complete(keyless).MessageId);
        Assert.EndsWith("@shop.example", Completer.Complete(message).MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageWithoutRecipients_IsRefusedWhenCompleted_SayingWhatToAdd()
    {
        var error = Assert.Throws<ArgumentException>(() => Completer.Complete(new EmailMessage { Subject = "x" }));

        Assert.Contains("no recipients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredMessage_KeepsItsTemplateName_InTheMailersMetricsAndToString()
    {
        var telemetry = _provider.GetRequiredService<MailingTelemetry>();
        using var sent = new MetricCollector<long>(telemetry.Meter, MailingDiagnostics.SentCounterName);
        var stored = new EmailMessage { To = ["ann@example.com"], TextBody = "x", TemplateName = "OrderReceiptEmail" };

        await Mailer.SendAsync(stored);

        Assert.Equal("OrderReceiptEmail", Assert.Single(sent.GetMeasurementSnapshot()).Tags["mailing.template"]);
        Assert.Contains("Template = OrderReceiptEmail", stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("OrderReceiptEmail", System.Text.Encoding.UTF8.GetString(Assert.Single(Mail.Sent).MimeBytes.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateName_WithALineBreak_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage { TemplateName = "Receipt\r\nBcc: x@example.com" });

        Assert.Equal(nameof(EmailMessage.TemplateName), error.ParamName);
    }
}
