using Mailing.Transports.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>Selects one of the local transports on a <see cref="MailingBuilder"/>.</summary>
public static class LocalTransportMailingBuilderExtensions
{
    /// <summary>
    /// Captures messages in an <see cref="InMemoryTransport"/> instead of sending them; resolve
    /// <see cref="InMemoryTransport"/> from the service provider to inspect them.
    /// </summary>
    /// <param name="builder">The Mailing builder.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder UseInMemoryTransport(this MailingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => new InMemoryTransport(sp.GetService<TimeProvider>()) { Dkim = sp.GetService<DkimMessageSigner>() });
        return builder.UseTransport(static sp => sp.GetRequiredService<InMemoryTransport>());
    }

    /// <summary>Writes each message as an <c>.eml</c> file into <paramref name="directory"/>.</summary>
    /// <param name="builder">The Mailing builder.</param>
    /// <param name="directory">The pickup directory; created when needed.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder UsePickupDirectory(this MailingBuilder builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return builder.UseTransport(sp => new PickupDirectoryTransport(
            directory,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<PickupDirectoryTransport>())
        {
            Dkim = sp.GetService<DkimMessageSigner>(),
        });
    }
}
