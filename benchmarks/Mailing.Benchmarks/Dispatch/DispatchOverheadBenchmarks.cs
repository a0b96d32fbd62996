using BenchmarkDotNet.Attributes;
using Mailing.Dispatch;
using Mailing.Transports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.Benchmarks.Dispatch;

/// <summary>
/// What the dispatcher adds to a send: the same message through a transport that accepts at once (the floor), and
/// through failover, round robin and configured routing in front of it. The body size is a parameter, to show the
/// dispatcher's cost does not grow with the message.
/// </summary>
[MemoryDiagnoser]
public class DispatchOverheadBenchmarks
{
    private IEmailTransport bare = null!;
    private IEmailTransport failover = null!;
    private IEmailTransport roundRobin = null!;
    private IEmailTransport routed = null!;
    private ServiceProvider services = null!;
    private EmailMessage message = null!;

    [Params(1_000, 100_000)]
    public int BodyBytes { get; set; }

    [GlobalSetup]
    public async Task CheckEveryPathAccepts()
    {
        message = new EmailMessage
        {
            From = new EmailAddress("shop@acme.example"),
            To = [new EmailAddress("zoe@example.com")],
            Subject = "Your receipt",
            HtmlBody = "<p>" + new string('x', BodyBytes) + "</p>",
            MessageId = "receipt-1@acme.example",
            IdempotencyKey = "receipt-1",
        };
        bare = new AcceptingTransport("primary");
        failover = new FailoverTransport([new AcceptingTransport("primary"), new AcceptingTransport("backup")]);
        roundRobin = new RoundRobinTransport([new AcceptingTransport("a"), new AcceptingTransport("b")]);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "shop@acme.example",
            ["Mailing:Transport"] = "failover(primary backup)",
            ["Mailing:Routes:0:Tag"] = "newsletter",
            ["Mailing:Routes:0:Transport"] = "backup",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddMailing(configuration.GetSection("Mailing"))
            .AddTransport("primary", _ => new AcceptingTransport("primary"))
            .AddTransport("backup", _ => new AcceptingTransport("backup"));
        services = collection.BuildServiceProvider();
        routed = services.GetRequiredService<IEmailTransport>();

        foreach (var transport in new[] { bare, failover, roundRobin, routed })
        {
            var result = await transport.SendAsync(message);
            if (result.TransportName is not ("primary" or "a" or "b"))
            {
                throw new InvalidOperationException($"{transport.GetType().Name} sent through {result.TransportName}.");
            }
        }
    }

    [GlobalCleanup]
    public void Stop() => services.Dispose();

    [Benchmark(Baseline = true, Description = "Bare transport (accepts at once)")]
    public Task<SendResult> Bare() => bare.SendAsync(message);

    [Benchmark(Description = "FailoverTransport(primary backup)")]
    public Task<SendResult> Failover() => failover.SendAsync(message);

    [Benchmark(Description = "RoundRobinTransport(a b)")]
    public Task<SendResult> RoundRobin() => roundRobin.SendAsync(message);

    [Benchmark(Description = "Configured: routes + failover(primary backup)")]
    public Task<SendResult> Routed() => routed.SendAsync(message);
}
