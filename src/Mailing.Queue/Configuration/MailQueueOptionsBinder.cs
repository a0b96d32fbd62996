using Microsoft.Extensions.Configuration;

namespace Mailing.Queue;

/// <summary>Reads <c>Mailing:Queue</c> key by key; a value that does not parse is recorded with its key for start-up validation.</summary>
internal static class MailQueueOptionsBinder
{
    private const string Duration = "a duration (\"00:00:30\", or a number of seconds)";
    private const string Number = "a whole number";

    public static void Bind(IConfiguration section, MailQueueOptions options, List<string> errors)
    {
        var path = section is IConfigurationSection s ? s.Path : options.SectionPath;
        options.SectionPath = path;
        if (section[nameof(MailQueueOptions.Storage)] is { } storage)
        {
            options.Storage = storage;
        }

        if (section[nameof(MailQueueOptions.Schema)] is { } schema)
        {
            options.Schema = schema;
        }

        if (section[nameof(MailQueueOptions.QueueName)] is { } queueName)
        {
            options.QueueName = queueName;
        }

        ConfigurationValueReader.Read<int>(section, path, nameof(MailQueueOptions.Workers), Number, ConfigurationValueReader.TryParseInt, v => options.Workers = v, errors);
        ConfigurationValueReader.Read<int>(section, path, nameof(MailQueueOptions.MaxAttempts), Number, ConfigurationValueReader.TryParseInt, v => options.MaxAttempts = v, errors);
        ConfigurationValueReader.Read<TimeSpan>(section, path, nameof(MailQueueOptions.PollingInterval), Duration, ConfigurationValueReader.TryParseDuration, v => options.PollingInterval = v, errors);
        ConfigurationValueReader.Read<TimeSpan>(section, path, nameof(MailQueueOptions.RetryBaseDelay), Duration, ConfigurationValueReader.TryParseDuration, v => options.RetryBaseDelay = v, errors);
        ConfigurationValueReader.Read<TimeSpan>(section, path, nameof(MailQueueOptions.RetryMaxDelay), Duration, ConfigurationValueReader.TryParseDuration, v => options.RetryMaxDelay = v, errors);
        ConfigurationValueReader.Read<TimeSpan>(section, path, nameof(MailQueueOptions.HealthMaxAge), Duration, ConfigurationValueReader.TryParseDuration, v => options.HealthMaxAge = v, errors);
        ConfigurationValueReader.Read<TimeSpan>(section, path, nameof(MailQueueOptions.WorkerTimeout), Duration, ConfigurationValueReader.TryParseDuration, v => options.WorkerTimeout = v, errors);
        ConfigurationValueReader.Read<TimeSpan>(section, path, nameof(MailQueueOptions.SentLogRetention), Duration, ConfigurationValueReader.TryParseDuration, v => options.SentLogRetention = v, errors);
        ConfigurationValueReader.Read<TimeSpan>(section, path, nameof(MailQueueOptions.MetricsInterval), Duration, ConfigurationValueReader.TryParseDuration, v => options.MetricsInterval = v, errors);
        foreach (var limit in section.GetSection(nameof(MailQueueOptions.RateLimits)).GetChildren())
        {
            if (limit.Value is { } value)
            {
                options.RateLimits[limit.Key] = value;
            }
        }
    }
}
