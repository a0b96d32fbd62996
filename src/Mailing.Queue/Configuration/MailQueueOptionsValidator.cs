using Mailing.Queue.RateLimiting;
using Mailing.Queue.Storage;
using Microsoft.Extensions.Options;

namespace Mailing.Queue;

/// <summary>Checks <see cref="MailQueueOptions"/> when the host starts; every failure names its key and says what to put there.</summary>
internal sealed class MailQueueOptionsValidator : IValidateOptions<MailQueueOptions>
{
    private readonly MailQueueRegistration _registration;

    public MailQueueOptionsValidator(MailQueueRegistration registration) => _registration = registration;

    public ValidateOptionsResult Validate(string? name, MailQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Problems(options);
        errors.AddRange(_registration.Problems);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Problems(MailQueueOptions options)
    {
        var path = options.SectionPath;
        var errors = new List<string>();
        if (!QueueStorage.TryParse(options.Storage, $"{path}:Storage", out _, out var storageError))
        {
            errors.Add(storageError!);
        }

        if (options.Workers is < 1 or > 256)
        {
            errors.Add($"{path}:Workers is {options.Workers}; use 1 to 256 sends at once per worker process (4 by default).");
        }

        if (options.MaxAttempts is < 1 or > 1000)
        {
            errors.Add($"{path}:MaxAttempts is {options.MaxAttempts}; use 1 (never retry) to 1000 (8 by default).");
        }

        if (options.PollingInterval < TimeSpan.FromMilliseconds(50))
        {
            errors.Add($"{path}:PollingInterval must be at least 0.05 seconds, e.g. \"00:00:01\".");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add($"{path}:RetryBaseDelay must be zero or more and {path}:RetryMaxDelay at least RetryBaseDelay (e.g. \"00:00:05\" and \"00:15:00\").");
        }

        if (options.WorkerTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{path}:WorkerTimeout must be at least 1 second, e.g. \"00:00:30\".");
        }

        if (options.HealthMaxAge <= TimeSpan.Zero || options.SentLogRetention <= TimeSpan.Zero || options.MetricsInterval <= TimeSpan.Zero)
        {
            errors.Add($"{path}:HealthMaxAge, {path}:SentLogRetention and {path}:MetricsInterval must be positive durations.");
        }

        if (string.IsNullOrWhiteSpace(options.QueueName) || !options.QueueName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            errors.Add($"{path}:QueueName \"{options.QueueName}\" must be letters, digits and underscores, e.g. \"mailing\".");
        }

        if (string.IsNullOrWhiteSpace(options.Schema) || !options.Schema.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            errors.Add($"{path}:Schema \"{options.Schema}\" must be letters, digits and underscores, e.g. \"mailing\".");
        }

        foreach (var (transport, text) in options.RateLimits)
        {
            if (!TransportRateLimit.TryParse(transport, text, out _))
            {
                errors.Add($"{path}:RateLimits:{transport} is \"{text}\", which is not a rate: write \"50/s\", \"600/min\", \"10000/h\" or a number per second.");
            }
        }

        return errors;
    }
}
