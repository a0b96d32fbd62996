using JasperFx.CodeGeneration;
using Mailing.Queue.Enqueueing;
using Mailing.Queue.Storage;
using Mailing.Queue.Working;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Postgresql;
using Wolverine.Sqlite;

namespace Mailing.Queue;

/// <summary>
/// Configures Wolverine for the mail queue: the storage (Wolverine's SQLite or PostgreSQL persistence and its
/// database-backed queue transport), where queued mail is published, the pre-built handler, and, in workers, the
/// durable listener.
/// </summary>
/// <remarks>
/// Applied to Wolverine's options while services are registered, because choosing the storage registers services
/// (Wolverine refuses that from extensions applied later). So <c>UseQueue</c> adds Wolverine itself, with static type
/// loading and no handler discovery (no runtime compiler is needed), and an application that uses Wolverine too
/// configures it in <c>UseQueue</c>'s callback.
/// </remarks>
internal static class MailQueueWolverineSetup
{
    /// <summary>The name of the queue's listening endpoint in a worker, by which <see cref="Working.ReleasedMailRecovery"/> finds it.</summary>
    public const string ListenerName = "mailing-queue";

    /// <summary>
    /// How many messages a worker takes from the queue per poll, per message it sends at once
    /// (<see cref="MailQueueOptions.Workers"/>).
    /// </summary>
    /// <remarks>
    /// Wolverine's PostgreSQL listener waits a quarter of a second after every full batch before it polls again, so the
    /// batch caps what one worker can send: at one message per parallel send (as this was first set), a worker with 4
    /// sends at once took 16 messages a second whatever the provider could do; at 10 per send the benchmark's single
    /// PostgreSQL worker sat at 145 a second against a cap of 160 (benchmarks/README.md). 25 per send lifts the cap to
    /// 100 a second per parallel send. What a worker has taken and not sent is bounded by Wolverine's buffering limits
    /// whatever the batch: above 1,000 it stops polling (checked every 2 seconds) until it is down to 500.
    /// </remarks>
    public const int BatchPerWorker = 25;

    /// <summary>
    /// Adds Wolverine configured for the queue, then <paramref name="configure"/> for the application's own use of it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Wolverine is already registered: one host has one Wolverine, and the queue must configure its storage when Wolverine is added.</exception>
    public static WolverineOptions AddWolverine(IServiceCollection services, MailQueueRegistration registration, Action<WolverineOptions>? configure)
    {
        if (services.Any(d => d.ServiceType == typeof(WolverineOptions)))
        {
            throw new InvalidOperationException(
                "Wolverine is already registered (AddWolverine or UseWolverine was called before UseQueue). The mail queue adds Wolverine itself, " +
                "because its storage must be chosen when Wolverine is added: remove your call and configure Wolverine in UseQueue's callback instead, " +
                "e.g. AddMailing(...).UseQueue(section, wolverine => wolverine.UseEntityFrameworkCoreTransactions()).");
        }

        WolverineOptions? added = null;
        services.AddWolverine(ExtensionDiscovery.ManualOnly, options =>
        {
            options.Discovery.DisableConventionalDiscovery();
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            ConfigureQueue(options, registration);
            configure?.Invoke(options);
            added = options;
        });
        return added ?? throw new InvalidOperationException("Wolverine did not configure its options when it was added.");
    }

    /// <summary>Storage, publishing and the handler: what every process using the queue needs.</summary>
    public static void ConfigureQueue(WolverineOptions wolverine, MailQueueRegistration registration)
    {
        if (registration.Storage is not { } storage)
        {
            return; // Reported by start-up validation.
        }

        var options = registration.Options;
        wolverine.AddMessageHandler(new QueuedEmailHandler());
        if (storage.Kind == QueueStorageKind.Sqlite)
        {
            wolverine.UseSqlitePersistenceAndTransport(storage.ConnectionString);
            wolverine.PublishMessage<QueuedEmail>().ToSqliteQueue(options.QueueName).UseDurableOutbox();
        }
        else
        {
            wolverine.UsePostgresqlPersistenceAndTransport(storage.ConnectionString, options.Schema, options.Schema);
            wolverine.PublishMessage<QueuedEmail>().ToPostgresqlQueue(options.QueueName).UseDurableOutbox();
        }

        // A killed worker's messages wait for the others to notice it is gone: a heartbeat three times per timeout.
        var durability = wolverine.Durability;
        durability.StaleNodeTimeout = options.WorkerTimeout;
        durability.HealthCheckPollingTime = options.WorkerTimeout / 3;
        durability.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(Math.Min(1000, durability.HealthCheckPollingTime.TotalMilliseconds));
        durability.NodeReassignmentPollingTime = options.WorkerTimeout / 3;
        durability.OrphanedMessageSweepPollingTime = options.WorkerTimeout / 3;
        durability.ScheduledJobPollingTime = options.PollingInterval;
        durability.ScheduledJobFirstExecution = options.PollingInterval;
    }

    /// <summary>The durable listener that makes this process a worker.</summary>
    public static void Listen(WolverineOptions wolverine, MailQueueRegistration registration)
    {
        if (registration.Storage is not { } storage)
        {
            return;
        }

        var options = registration.Options;
        if (storage.Kind == QueueStorageKind.Sqlite)
        {
            wolverine.ListenToSqliteQueue(options.QueueName)
                .Named(ListenerName)
                .PollingInterval(options.PollingInterval)
                .MaximumMessagesToReceive(options.Workers * BatchPerWorker)
                .UseDurableInbox()
                .MaximumParallelMessages(options.Workers);
        }
        else
        {
            wolverine.ListenToPostgresqlQueue(options.QueueName)
                .Named(ListenerName)
                .PollingInterval(options.PollingInterval)
                .MaximumMessagesToReceive(options.Workers * BatchPerWorker)
                .UseDurableInbox()
                .MaximumParallelMessages(options.Workers);
        }
    }
}
