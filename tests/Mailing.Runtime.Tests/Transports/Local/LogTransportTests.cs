using Mailing.Transports.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Mailing.Tests.Transports.Local;

public sealed class LogTransportTests
{
    [Fact]
    public async Task LogDsn_LogsTheEnvelopeSubjectAndTextAtInformation_AndTheMimeAtDebug_SendingNothing()
    {
        var collector = new FakeLogCollector();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "Shop <shop@example.com>",
            ["Mailing:Transport"] = "log://default",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(collector)));
        services.AddMailing(configuration.GetSection("Mailing"));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IMailer>().SendAsync(new EmailMessage
        {
            To = ["ann@example.com"],
            Subject = "Your order 1042",
            HtmlBody = "<p>Thanks for your <b>order</b>.</p>",
        });

        Assert.Equal("log", result.TransportName);
        var records = collector.GetSnapshot().Where(r => r.Category == typeof(LogTransport).FullName).ToArray();
        var summary = Assert.Single(records, r => r.Level == LogLevel.Information);
        Assert.Contains($"Message {result.MessageId} was logged, not sent", summary.Message, StringComparison.Ordinal);
        Assert.Contains("To: ann@example.com; Subject: Your order 1042", summary.Message, StringComparison.Ordinal);
        Assert.Contains("Thanks for your order.", summary.Message, StringComparison.Ordinal);
        var mime = Assert.Single(records, r => r.Level == LogLevel.Debug);
        Assert.Contains($"Message-Id: <{result.MessageId}>", mime.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Type: multipart/alternative", mime.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutDebug_TheMimeIsNotWritten()
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new FakeLoggerProvider(collector)));
        var transport = new LogTransport(factory.CreateLogger<LogTransport>());

        await transport.SendAsync(new EmailMessage { From = "shop@example.com", To = ["ann@example.com"], Subject = "Hi", TextBody = "Hello" });

        Assert.Equal([LogLevel.Information], collector.GetSnapshot().Select(r => r.Level));
    }
}
