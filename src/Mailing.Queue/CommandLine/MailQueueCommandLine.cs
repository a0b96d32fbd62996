using System.Globalization;
using Mailing.Queue.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Mailing.Queue;

/// <summary>
/// The <c>mailing-queue</c> command line: <c>dead-letters list|show|requeue</c> and <c>stats</c> against the queue's
/// storage, for operators. The tool (src/Mailing.Queue.Tool) only calls <see cref="RunAsync"/>; an application can call it
/// too, e.g. <c>if (args is ["queue", ..]) return await MailQueueCommandLine.RunAsync(args[1..], builder.Configuration, Console.Out);</c>.
/// </summary>
/// <remarks>
/// The storage comes from <c>--storage VALUE</c>, else from <c>Mailing:Queue:Storage</c> in the configuration given
/// (the tool reads <c>appsettings.json</c> in the working directory and <c>Mailing__Queue__Storage</c> from the
/// environment), so the same settings the application uses work here. The command line never sends mail: requeued
/// messages are sent by the running workers.
/// </remarks>
public static class MailQueueCommandLine
{
    private const string Usage = """
        usage: mailing-queue [--storage sqlite://PATH|"Host=...;Database=..."] COMMAND
          stats                          what the queue holds: ready, scheduled, in progress, retrying, dead letters
          dead-letters list [--limit N]  the dead letters, most recent first (queue id, kind, subject, reason)
          dead-letters show QUEUE-ID     one dead letter in full: envelope, reason, headers
          dead-letters requeue QUEUE-ID  put it back in the queue; a worker sends it with the same Message-Id
        """;

    /// <summary>Runs one command and writes its result to <paramref name="output"/>.</summary>
    /// <param name="args">The command and its options, e.g. <c>["dead-letters", "list"]</c>.</param>
    /// <param name="configuration">Where <c>Mailing:Queue:*</c> is read from when <c>--storage</c> is not given.</param>
    /// <param name="output">Where results and errors are written.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The process exit code: 0 done, 1 not found, 2 bad usage or configuration.</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        var rest = new List<string>(args);
        var storage = TakeOption(rest, "--storage") ?? configuration["Mailing:Queue:Storage"];
        var limitText = TakeOption(rest, "--limit");
        if (!QueueStorage.TryParse(storage, "--storage (or Mailing:Queue:Storage)", out _, out var storageError))
        {
            await output.WriteLineAsync(storageError.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 2;
        }

        var limit = 100;
        if (limitText is not null && (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10_000))
        {
            await output.WriteLineAsync($"--limit is \"{limitText}\"; use a number from 1 to 10000.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return 2;
        }

        if (rest is not (["stats"] or ["dead-letters", "list"] or ["dead-letters", "show" or "requeue", _]))
        {
            await output.WriteLineAsync(Usage.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 2;
        }

        using var host = BuildHost(configuration, storage!);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return rest switch
            {
                ["stats"] => await StatsAsync(host.Services, output, cancellationToken).ConfigureAwait(false),
                ["dead-letters", "list"] => await ListAsync(host.Services, limit, output, cancellationToken).ConfigureAwait(false),
                ["dead-letters", var verb, var id] => await OneAsync(host.Services, verb, id, output, cancellationToken).ConfigureAwait(false),
                _ => 2,
            };
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static IHost BuildHost(IConfiguration configuration, string storage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration["Mailing:Queue:Storage"] = storage;
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        // The command line reads and requeues; it never sends, so the mailer gets a transport that keeps nothing.
        builder.Services.AddMailing(o =>
        {
            o.From = "mailing-queue@localhost";
            o.Transport = "memory://default";
        }).UseQueue(builder.Configuration.GetSection("Mailing:Queue"), wolverine =>
        {
            // An operator's tool: no recovery agents of its own (the workers' agents move requeued messages back).
            wolverine.Durability.DurabilityAgentEnabled = false;
        });
        return builder.Build();
    }

    private static async Task<int> StatsAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var s = await services.GetRequiredService<QueueDatabase>().SnapshotAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ready {s.Ready}, scheduled {s.Scheduled}, in progress {s.InProgress}, retrying {s.Retrying}, dead letters {s.DeadLetters}, oldest ready {s.OldestReadyAge.TotalSeconds:0.#} s").AsMemory(), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListAsync(IServiceProvider services, int limit, TextWriter output, CancellationToken cancellationToken)
    {
        var letters = await services.GetRequiredService<IMailDeadLetters>().ListAsync(limit, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"{letters.Count} dead letter(s)".AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var letter in letters)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{letter.QueueId}  {letter.FailedAt:yyyy-MM-dd HH:mm:ss}  {letter.FailureKind?.ToString() ?? "Failed",-14}  {letter.Message.Subject}  | {Shorten(letter.Reason)}");
            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> OneAsync(IServiceProvider services, string verb, string idText, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(idText, out var queueId))
        {
            await output.WriteLineAsync($"\"{idText}\" is not a queue id: copy one from 'dead-letters list'.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return 2;
        }

        var deadLetters = services.GetRequiredService<IMailDeadLetters>();
        if (verb == "requeue")
        {
            var requeued = await deadLetters.RequeueAsync(queueId, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync((requeued ? $"requeued {queueId}: a worker will send it" : $"no dead letter has queue id {queueId}").AsMemory(), cancellationToken).ConfigureAwait(false);
            return requeued ? 0 : 1;
        }

        if (await deadLetters.GetAsync(queueId, cancellationToken).ConfigureAwait(false) is not { } letter)
        {
            await output.WriteLineAsync($"no dead letter has queue id {queueId}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return 1;
        }

        var message = letter.Message;
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            queue id:        {letter.QueueId}
            message id:      {letter.MessageId}
            idempotency key: {letter.IdempotencyKey}
            enqueued:        {letter.EnqueuedAt:O}
            failed:          {letter.FailedAt:O}
            kind:            {letter.FailureKind?.ToString() ?? "(not a delivery failure)"}
            requeued:        {letter.RequeueCount} time(s)
            reason:          {letter.Reason}
            from:            {message.From}
            to:              {string.Join(", ", message.To)}
            cc:              {string.Join(", ", message.Cc)}
            bcc:             {message.Bcc.Count} address(es)
            subject:         {message.Subject}
            transport:       {message.TransportName ?? "(default)"}
            attachments:     {string.Join(", ", message.Attachments.Select(a => a.FileName))}
            """);
        await output.WriteLineAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static string? TakeOption(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        if (index < 0 || index + 1 >= args.Count)
        {
            return null;
        }

        var value = args[index + 1];
        args.RemoveRange(index, 2);
        return value;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
