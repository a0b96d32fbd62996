using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mailing.Runtime.Tests.Sending;

public sealed class MailKitTelemetryTests
{
    [Fact]
    public async Task MailKitMeters_AreSwitchedOnAndOutliveAHostThatUsedThem()
    {
        // A host registers IMeterFactory and disposes it (and its meters) when it is disposed.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailing(o => o.From = "shop@shop.example").UseInMemoryTransport();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            host.Services.GetRequiredService<IMailer>();
            await host.StopAsync();
        }

        var meters = new HashSet<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                lock (meters)
                {
                    meters.Add(instrument.Meter.Name);
                }
            },
        };
        listener.Start();

        Assert.Contains(MailingDiagnostics.MailKitMeterName, meters);
        Assert.Contains(MailingDiagnostics.MailKitSocketMeterName, meters);
    }
}
