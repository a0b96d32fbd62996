using Mailing.Queue.Tests.Fixtures;
using Mailing.TestServers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Wolverine.EntityFrameworkCore;

namespace Mailing.Queue.Tests;

/// <summary>Many nodes: the queue in PostgreSQL (one cluster for the run), workers in processes of their own.</summary>
public sealed class PostgresQueueTests
{
    /// <summary>
    /// Three worker processes send 10,000 queued messages to a loopback SMTP sink; one is killed with SIGKILL a quarter
    /// of the way through. Every message must arrive exactly once, counted by Message-Id at the sink.
    /// </summary>
    /// <remarks>
    /// <para>
    /// What the kill proves: the killed worker's messages (the sends it had started, and the ones it had taken from the
    /// queue into its inbox and not started) are all sent by the other workers, and none of the messages it had
    /// finished is sent again. The kill comes while the sink holds its reply to every message's data, with every send
    /// of every worker waiting for that reply (<see cref="WorkerKillScenario"/>): so at that moment no message is
    /// between the provider's acceptance and the commit of its sent-log row. It does not prove what cannot hold there:
    /// a worker killed after the provider accepted a message and before the commit sends it again (docs/queue.md, "The
    /// window that remains").
    /// </para>
    /// <para>
    /// The enqueue-only application starts first, so Wolverine makes it the leader and gives it the database's
    /// durability agent, which cannot recover inbox rows for a queue it does not listen to. The test checks that
    /// placement, so it keeps proving that workers take back a dead worker's messages themselves
    /// (<c>ReleasedMailRecovery</c>); before they did, the killed worker's messages stayed in the inbox for good.
    /// </para>
    /// </remarks>
    [Fact]
    public async Task ThreeWorkerProcesses_OneKilledMidRun_SendEveryMessageExactlyOnce()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();

        using var run = await WorkerKillScenario.RunAsync(database, messages: 10_000, processes: 3, limit: TimeSpan.FromMinutes(4));

        Assert.InRange(run.AcceptedBeforeKill, 10_000 / 4, 10_000 / 2);
        Assert.Equal(10_000, run.Enqueued.Distinct().Count());
        var arrivals = run.Arrived.CountBy(id => id).ToDictionary();
        Assert.All(run.Enqueued, id => Assert.Equal(1, arrivals.GetValueOrDefault(id)));
        Assert.Equal(10_000, run.Arrived.Count);
        Assert.Equal(run.App.Services.GetRequiredService<Wolverine.WolverineOptions>().UniqueNodeId, await DurabilityAgentNodeAsync(database));
    }

    /// <summary>How much later than its start one send may reach the sink than another, on a loaded CI machine.</summary>
    private static readonly TimeSpan ArrivalDelaySpread = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task RateLimit_SharedByThreeWorkerProcesses_IsNeverExceeded()
    {
        const int PerSecond = 20;
        const int Messages = 260;
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        await using var sink = InstantSmtpSink.Start(recordMessages: true);
        var settings = QueueHost.Settings(database, QueueHost.SmtpTransport(sink.Port));
        settings["Mailing:Queue:Workers"] = "8";
        settings["Mailing:Queue:RateLimits:smtp"] = $"{PerSecond}/s";
        using var app = await QueueHost.StartAsync(settings, worker: false);
        var queue = app.Services.GetRequiredService<IMailQueue>();
        for (var i = 0; i < Messages; i++)
        {
            await queue.EnqueueAsync(SqliteQueueTests.Message(i));
        }

        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WorkerProcess.StartAsync(settings)));
        try
        {
            await Eventually.WaitAsync(() => sink.MessagesAccepted >= Messages, "every message to arrive", TimeSpan.FromMinutes(3));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }

        // Counted where the provider would count: the times the sink accepted each message. Sends start 1/N s apart, so
        // any ten-second window holds at most 10 N starts, plus one at its edge. A message reaches the sink a little
        // after its send starts, and on a loaded machine that delay varies: a send delayed by d can land next to later
        // ones, so the window may hold d·N more (within one second, a new connection's set-up does the same: see
        // docs/queue.md). The bound allows 100 ms of such delay and no more; three processes each holding only its own
        // limit would send 60 a second and fail it several times over.
        var times = sink.Arrivals.Select(a => a.At).Order().ToArray();
        var bound = (10 * PerSecond) + 1 + (int)Math.Ceiling(PerSecond * ArrivalDelaySpread.TotalSeconds);
        Assert.Equal(Messages, times.Length);
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(10), "the run was long enough to fill a 10-second window");
        Assert.True(MostInAnyWindow(times, TimeSpan.FromSeconds(10)) <= bound, $"at most {bound} in ten seconds, saw {MostInAnyWindow(times, TimeSpan.FromSeconds(10))}");
    }

    [Fact]
    public async Task Outbox_RolledBackTransaction_SendsNothing_CommittedOne_SendsExactlyOnce()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        await using var sink = InstantSmtpSink.Start(recordMessages: true);
        var settings = QueueHost.Settings(database, QueueHost.SmtpTransport(sink.Port));
        using var host = await QueueHost.StartAsync(
            settings,
            worker: true,
            configureWolverine: wolverine => wolverine.UseEntityFrameworkCoreTransactions(),
            after: services => services.AddDbContextWithWolverineIntegration<ShopDb>(o => o.UseNpgsql(database)));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopDb>().Database.ExecuteSqlRawAsync("CREATE TABLE orders (id integer PRIMARY KEY, customer text NOT NULL)");
        }

        var queue = host.Services.GetRequiredService<IMailQueue>();
        var committed = await PlaceOrderAsync(host, queue, 1);

        // The same order id again: the INSERT fails, the transaction rolls back, and the receipt with it.
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => PlaceOrderAsync(host, queue, 1, receiptNumber: 2));
        var rolledBack = (EnqueuedMail)failure.Data["enqueued"]!;
        var after = await PlaceOrderAsync(host, queue, 3);

        await Eventually.WaitAsync(() => sink.Arrivals.Any(a => a.MessageId == after.MessageId), "the last committed receipt");
        await Eventually.WaitAsync(async () => (await host.Services.GetRequiredService<Storage.QueueDatabase>().SnapshotAsync(CancellationToken.None)).Depth == 0, "the queue to drain");
        var counts = sink.Arrivals.GroupBy(a => a.MessageId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, counts.GetValueOrDefault(committed.MessageId));
        Assert.Equal(1, counts.GetValueOrDefault(after.MessageId));
        Assert.False(counts.ContainsKey(rolledBack.MessageId));
        Assert.Equal(2, sink.Arrivals.Count);
    }

    private static async Task<EnqueuedMail> PlaceOrderAsync(IHost host, IMailQueue queue, int orderId, int? receiptNumber = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<ShopDb>>();
        outbox.DbContext.Orders.Add(new Order { Id = orderId, Customer = "ann@example.com" });
        var enqueued = await queue.WithOutbox(outbox).EnqueueAsync(SqliteQueueTests.Message(receiptNumber ?? orderId));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync();
        }
        catch (DbUpdateException)
        {
            throw new DbUpdateException($"order {orderId} rolled back; its receipt was {enqueued.MessageId}") { Data = { ["enqueued"] = enqueued } };
        }

        return enqueued;
    }

    /// <summary>The node that holds Wolverine's durability agent for the queue's database (its agent assignment row).</summary>
    private static async Task<Guid> DurabilityAgentNodeAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT node_id FROM mailing.wolverine_node_assignments WHERE id LIKE 'wolverinedb://%'", connection);
        return (Guid)(await command.ExecuteScalarAsync() ?? Guid.Empty);
    }

    private static int MostInAnyWindow(TimeSpan[] sorted, TimeSpan window)
    {
        var most = 0;
        var start = 0;
        for (var end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    public sealed class Order
    {
        public int Id { get; set; }

        public required string Customer { get; set; }
    }

    public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
    {
        public DbSet<Order> Orders => Set<Order>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Order>(e =>
            {
                e.ToTable("orders");
                e.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
                e.Property(o => o.Customer).HasColumnName("customer");
            });
    }
}
