using Mailing.Transports;
using Microsoft.Extensions.Configuration;

namespace Mailing;

/// <summary>
/// One named transport as configured: a DSN or transport list (<c>Mailing:Transports:bulk</c> = "postmark+api://..."),
/// a section (<c>Type</c> or <c>Dsn</c> plus settings), or a factory added in code.
/// </summary>
/// <param name="Name">The name messages, routes and lists refer to.</param>
/// <param name="Key">The configuration key it came from, for errors (e.g. <c>Mailing:Transports:bulk</c>).</param>
internal sealed record TransportDefinition(string Name, string Key)
{
    /// <summary>A DSN or a <c>failover(...)</c>/<c>roundrobin(...)</c> list, or the name of another transport.</summary>
    public string? Text { get; init; }

    /// <summary>A section holding <c>Type</c> or <c>Dsn</c> and the transport's own settings.</summary>
    public IConfigurationSection? Section { get; init; }

    /// <summary>Creates the transport, when it was added in code.</summary>
    public Func<IServiceProvider, IEmailTransport>? Factory { get; init; }
}
