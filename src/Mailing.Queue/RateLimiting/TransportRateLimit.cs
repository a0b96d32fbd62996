using System.Globalization;

namespace Mailing.Queue.RateLimiting;

/// <summary>How fast one transport may be used, across every worker: one send per <see cref="Interval"/>.</summary>
/// <param name="Transport">The transport's name, as messages and configuration name it.</param>
/// <param name="Interval">The time between two sends at the limit.</param>
internal sealed record TransportRateLimit(string Transport, TimeSpan Interval)
{
    /// <summary>The transport's row in the rate table: names match case-insensitively, so every worker writes one row.</summary>
    public string StorageKey { get; } = Transport.ToLowerInvariant();

    /// <summary>Reads <c>50/s</c>, <c>600/min</c>, <c>10000/h</c> or a bare number per second.</summary>
    public static bool TryParse(string transport, string text, out TransportRateLimit? limit)
    {
        limit = null;
        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || count <= 0 || double.IsInfinity(count))
        {
            return false;
        }

        TimeSpan? per = parts.Length == 1 ? TimeSpan.FromSeconds(1) : parts[1].ToLowerInvariant() switch
        {
            "s" or "sec" or "second" => TimeSpan.FromSeconds(1),
            "m" or "min" or "minute" => TimeSpan.FromMinutes(1),
            "h" or "hour" => TimeSpan.FromHours(1),
            "d" or "day" => TimeSpan.FromDays(1),
            _ => null,
        };
        if (per is null)
        {
            return false;
        }

        var interval = per.Value / count;
        if (interval < TimeSpan.FromMicroseconds(1))
        {
            return false;
        }

        limit = new TransportRateLimit(transport, interval);
        return true;
    }
}
