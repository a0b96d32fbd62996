using Mailing.TestServers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailing.Benchmarks.Queue;

/// <summary>
/// Applications as a user configures them: <c>AddMailing(...).UseQueue(...)</c> over SQLite or PostgreSQL, sending over
/// plaintext SMTP to a loopback <see cref="InstantSmtpSink"/>, with or without <c>AddMailingWorker()</c>.
/// </summary>
/// <remarks>
/// Every setting is the default but the idle polling interval (100 ms rather than 1 s): it only delays the first
/// pick-up after the queue was empty, and at the default it would be a large part of a 1,000-message round.
/// Environment variables override settings as in an application (<c>Mailing__Queue__Workers=16</c>).
/// </remarks>
internal static class QueueBenchmarkHost
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    /// <summary>The storages to measure: SQLite always, PostgreSQL when Debian's server is installed.</summary>
    public static IEnumerable<string> Storages()
    {
        yield return Sqlite;
        if (PostgresServer.IsInstalled)
        {
            yield return PostgreSql;
        }
        else
        {
            Console.WriteLine("PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL rows are skipped.");
        }
    }

    /// <summary>A new, empty queue storage of <paramref name="kind"/>: a SQLite file in a temporary directory, or a database in this process's PostgreSQL cluster.</summary>
    public static async Task<string> CreateStorageAsync(string kind) => kind == PostgreSql
        ? await (await PostgresServer.GetAsync()).CreateDatabaseAsync()
        : $"sqlite://{Path.Combine(Directory.CreateTempSubdirectory("mailing-queue-bench-").FullName, "queue.db")}";

    public static async Task<IHost> StartAsync(string storage, int sinkPort, bool worker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "Shop <no-reply@shop.example>",
            ["Mailing:Transport"] = $"smtp://127.0.0.1:{sinkPort}?security=none&pool_size=8",
            ["Mailing:Queue:Storage"] = storage,
            ["Mailing:Queue:PollingInterval"] = "0.1",
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMailing(builder.Configuration.GetSection("Mailing")).UseQueue(builder.Configuration.GetSection("Mailing:Queue"));
        if (worker)
        {
            builder.Services.AddMailingWorker();
        }

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The receipt every queue benchmark sends: one recipient, a short HTML and text body.</summary>
    public static EmailMessage Message(int number) => new()
    {
        To = [$"customer{number}@example.com"],
        Subject = $"Order {number} confirmed",
        HtmlBody = $"<p>Thank you for order {number}.</p>",
        TextBody = $"Thank you for order {number}.",
    };
}
