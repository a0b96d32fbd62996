using Mailing;
using Mailing.Queue;
using Mailing.Queue.DeadLetters;
using Mailing.Queue.Enqueueing;
using Mailing.Queue.Observability;
using Mailing.Queue.RateLimiting;
using Mailing.Queue.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the mail queue to Mailing: <c>AddMailing(...).UseQueue(...)</c> to enqueue, <c>AddMailingWorker()</c> to send.</summary>
public static class MailQueueMailingBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="IMailQueue"/> and <see cref="IMailDeadLetters"/> on Wolverine, with settings from
    /// <paramref name="section"/> (usually <c>configuration.GetSection("Mailing:Queue")</c>), validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder <c>AddMailing</c> returned; queued mail is sent through its mailer and transports.</param>
    /// <param name="section">The <c>Mailing:Queue</c> section: <c>Storage</c> (required), <c>Workers</c>, <c>RateLimits</c>, ...; see <see cref="MailQueueOptions"/>.</param>
    /// <returns>The same builder.</returns>
    /// <param name="configureWolverine">
    /// The application's own Wolverine configuration, if it uses Wolverine too: the EF Core outbox
    /// (<c>w =&gt; w.UseEntityFrameworkCoreTransactions()</c>), its own handlers, other transports.
    /// </param>
    /// <remarks>
    /// <para>
    /// This process can then enqueue; it sends queued mail only with <see cref="AddMailingWorker"/>. Every process that
    /// enqueues or works must name the same <c>Storage</c>.
    /// </para>
    /// <para>
    /// This call adds Wolverine, because the queue's storage must be chosen when Wolverine is added: with static type
    /// loading and no handler discovery, so no runtime compiler is needed. An application that uses Wolverine itself does
    /// not call <c>AddWolverine</c>/<c>UseWolverine</c> but configures it in <paramref name="configureWolverine"/> (set
    /// <c>Discovery</c> and <c>CodeGeneration.TypeLoadMode</c> there for its own handlers).
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">Wolverine was already added, or <c>UseQueue</c> was called before.</exception>
    public static MailingBuilder UseQueue(this MailingBuilder builder, IConfiguration section, Action<WolverineOptions>? configureWolverine = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var options = new MailQueueOptions();
        var problems = new List<string>();
        MailQueueOptionsBinder.Bind(section, options, problems);
        return UseQueue(builder, options, problems, configureWolverine);
    }

    /// <summary>Adds the mail queue with settings given in code.</summary>
    /// <param name="builder">The builder <c>AddMailing</c> returned.</param>
    /// <param name="configure">Sets <see cref="MailQueueOptions"/>; <see cref="MailQueueOptions.Storage"/> is required.</param>
    /// <param name="configureWolverine">The application's own Wolverine configuration, if it uses Wolverine too.</param>
    /// <returns>The same builder.</returns>
    public static MailingBuilder UseQueue(this MailingBuilder builder, Action<MailQueueOptions> configure, Action<WolverineOptions>? configureWolverine = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new MailQueueOptions();
        configure(options);
        return UseQueue(builder, options, [], configureWolverine);
    }

    /// <summary>
    /// Makes this process a worker: it takes messages from the queue (at most <see cref="MailQueueOptions.Workers"/> at
    /// once) and sends them through the mailer; it also measures the queue for metrics. Any number of processes on any
    /// number of machines may be workers of one queue.
    /// </summary>
    /// <param name="services">The application's services; <c>AddMailing(...).UseQueue(...)</c> is called before or after.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// A worker that dies, even killed without warning, loses nothing: the messages it had taken are released to the
    /// other workers after <see cref="MailQueueOptions.WorkerTimeout"/>. See docs/queue.md for what "sent once" means then.
    /// </remarks>
    public static IServiceCollection AddMailingWorker(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService<MailQueueMeasurer>();
        services.AddHostedService<Mailing.Queue.Working.ReleasedMailRecovery>();
        if (Registration(services) is { } registration)
        {
            StartWorking(services, registration);
        }
        else
        {
            services.TryAddSingleton(new MailingWorkerMarker());
        }

        return services;
    }

    private static MailingBuilder UseQueue(MailingBuilder builder, MailQueueOptions options, List<string> problems, Action<WolverineOptions>? configureWolverine)
    {
        var services = builder.Services;
        if (Registration(services) is not null)
        {
            throw new InvalidOperationException("UseQueue was called twice: one application has one mail queue. Remove the second call.");
        }

        var registration = new MailQueueRegistration(options, problems);
        services.AddSingleton(registration);
        services.AddOptions<MailQueueOptions>().Configure(o => Copy(registration.Options, o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailQueueOptions>, MailQueueOptionsValidator>());
        services.TryAddSingleton<MailQueueTelemetry>();
        services.TryAddSingleton<QueueDatabase>();
        services.TryAddSingleton(static sp => new SharedRateLimiter(sp.GetRequiredService<QueueDatabase>(), sp.GetRequiredService<MailQueueRegistration>().RateLimits, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IMailQueue, MailQueue>();
        services.TryAddSingleton<IMailDeadLetters, MailDeadLetters>();

        registration.Wolverine = MailQueueWolverineSetup.AddWolverine(services, registration, configureWolverine);
        if (services.Any(d => d.ServiceType == typeof(MailingWorkerMarker)))
        {
            StartWorking(services, registration);
        }

        return builder;
    }

    private static void StartWorking(IServiceCollection services, MailQueueRegistration registration)
    {
        if (registration.IsWorker)
        {
            return;
        }

        registration.IsWorker = true;
        MailQueueWolverineSetup.Listen(registration.Wolverine!, registration);
    }

    private static MailQueueRegistration? Registration(IServiceCollection services) =>
        services.FirstOrDefault(d => d.ServiceType == typeof(MailQueueRegistration))?.ImplementationInstance as MailQueueRegistration;

    private static void Copy(MailQueueOptions from, MailQueueOptions to)
    {
        to.SectionPath = from.SectionPath;
        to.Storage = from.Storage;
        to.Schema = from.Schema;
        to.QueueName = from.QueueName;
        to.Workers = from.Workers;
        to.PollingInterval = from.PollingInterval;
        to.MaxAttempts = from.MaxAttempts;
        to.RetryBaseDelay = from.RetryBaseDelay;
        to.RetryMaxDelay = from.RetryMaxDelay;
        to.HealthMaxAge = from.HealthMaxAge;
        to.WorkerTimeout = from.WorkerTimeout;
        to.SentLogRetention = from.SentLogRetention;
        to.MetricsInterval = from.MetricsInterval;
        foreach (var (transport, limit) in from.RateLimits)
        {
            to.RateLimits[transport] = limit;
        }
    }
}
