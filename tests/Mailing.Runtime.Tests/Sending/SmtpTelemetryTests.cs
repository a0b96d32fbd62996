using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Runtime.Tests.Sending;

/// <summary>
/// What MailKit's SMTP telemetry used to tell users (connections opened and how long they took, spans for connecting),
/// now recorded by Mailing's own SMTP session: MailKit's <c>SmtpClient</c> is no longer on the send path, so its
/// <c>mailkit.net.smtp</c> and <c>mailkit.net.socket</c> meters would stay silent.
/// </summary>
public sealed class SmtpTelemetryTests
{
    [Fact]
    public async Task OpeningAConnection_IsASpanUnderTheSend_AndAConnectDuration_AndAnOpenSession_EvenAfterAHostWasDisposed()
    {
        // A host registers IMeterFactory and disposes it (and its meters) when it is disposed; the SMTP meter must outlive it.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailing(o => o.From = "shop@shop.example").UseInMemoryTransport();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            host.Services.GetRequiredService<IMailer>();
            await host.StopAsync();
        }

        await using var server = ScriptedSmtpServer.Start();
        using var recorded = new Recorder(server.Port);
        await using (var transport = new SmtpTransport(OptionsFor(server)))
        {
            using var send = new ActivitySource("test").StartActivity("send");
            await transport.SendAsync(Message("one"), Timeout());
            await transport.SendAsync(Message("two"), Timeout());

            var connect = Assert.Single(recorded.Activities);
            Assert.Equal(MailingDiagnostics.SmtpConnectActivityName, connect.OperationName);
            Assert.Equal(send!.SpanId, connect.ParentSpanId);
            Assert.Equal(ActivityStatusCode.Ok, connect.Status);
            Assert.Equal("127.0.0.1", connect.GetTagItem("server.address"));
            Assert.Equal("none", connect.GetTagItem("mailing.smtp.security"));
            var duration = Assert.Single(recorded.Measurements, m => m.Instrument == MailingDiagnostics.SmtpConnectDurationName);
            Assert.Equal("ok", duration.Tags["mailing.outcome"]);
            Assert.True(duration.Value > 0);
            Assert.Equal(1, recorded.Sum(MailingDiagnostics.SmtpOpenSessionsName));
        }

        Assert.Equal(0, recorded.Sum(MailingDiagnostics.SmtpOpenSessionsName));
    }

    [Fact]
    public async Task AFailedConnection_RecordsItsFailureKind_OnTheSpanAndTheDuration()
    {
        var port = UnusedLoopbackPort();
        using var recorded = new Recorder(port);
        await using var transport = new SmtpTransport(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None });

        await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        var connect = Assert.Single(recorded.Activities);
        Assert.Equal(ActivityStatusCode.Error, connect.Status);
        Assert.Equal("connection", connect.GetTagItem("mailing.outcome"));
        Assert.Equal("connection", Assert.Single(recorded.Measurements, m => m.Instrument == MailingDiagnostics.SmtpConnectDurationName).Tags["mailing.outcome"]);
        Assert.Equal(0, recorded.Sum(MailingDiagnostics.SmtpOpenSessionsName));
    }

    [Fact]
    public async Task APooledConnectionTheServerClosed_IsCountedAsAReconnect()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, MessagesInSession: 1, Verb: "MAIL" } ? ScriptedReply.DropConnection : null);
        using var recorded = new Recorder(server.Port);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message("first"), Timeout());
        await transport.SendAsync(Message("second"), Timeout());

        Assert.Equal(1, recorded.Sum(MailingDiagnostics.SmtpReconnectsName));
        Assert.Equal(2, recorded.Activities.Count);
    }

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);

    /// <summary>Listens to the SMTP meter and connect spans, keeping only those about one server port (tests run in parallel).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly int _port;
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _spans;

        public Recorder(int port)
        {
            _port = port;
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MailingDiagnostics.SmtpMeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
            _spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name is MailingDiagnostics.ActivitySourceName or "test",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == MailingDiagnostics.SmtpConnectActivityName && Equals(activity.GetTagItem("server.port"), _port))
                    {
                        Activities.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_spans);
        }

        public ConcurrentBag<Measurement> Measurements { get; } = [];

        public ConcurrentBag<Activity> Activities { get; } = [];

        public double Sum(string instrument) => Measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

        public void Dispose()
        {
            _meters.Dispose();
            _spans.Dispose();
        }

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (var (key, tagValue) in tags)
            {
                map[key] = tagValue;
            }

            if (Equals(map.GetValueOrDefault("server.port"), _port))
            {
                Measurements.Add(new Measurement(instrument.Name, value, map));
            }
        }
    }
}
