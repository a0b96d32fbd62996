using Mailing.Queue.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the mail queue's health check.</summary>
public static class MailQueueHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check named <paramref name="name"/> that reports <paramref name="failureStatus"/> when the oldest message
    /// waiting for a worker is older than <c>Mailing:Queue:HealthMaxAge</c>, or the queue's storage cannot be read. Its data
    /// holds the queue's depth by state, the dead-letter count and the oldest message's age.
    /// </summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name. <c>mailing-queue</c> by default.</param>
    /// <param name="failureStatus">What an old message or unreadable storage reports. Unhealthy by default.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>Requires <c>AddMailing(...).UseQueue(...)</c>.</remarks>
    public static IHealthChecksBuilder AddMailQueue(this IHealthChecksBuilder builder, string name = "mailing-queue", HealthStatus failureStatus = HealthStatus.Unhealthy, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<MailQueueHealthCheck>(name, failureStatus, tags ?? []);
    }
}
