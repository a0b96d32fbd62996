using Mailing.Transports;

namespace Mailing;

/// <summary>
/// The transports built from configuration: the default the mailer sends through, and each named one under
/// <c>Mailing:Transports</c> (or added in code), for health checks, tests and direct use.
/// </summary>
/// <remarks>A singleton registered by <c>AddMailing</c>; disposing it (with the service provider) closes the transports it created.</remarks>
public sealed class ConfiguredTransports : IAsyncDisposable, IDisposable
{
    private readonly IReadOnlyDictionary<string, IEmailTransport> _named;
    private readonly IReadOnlyList<IEmailTransport> _owned;

    internal ConfiguredTransports(IEmailTransport defaultTransport, IReadOnlyDictionary<string, IEmailTransport> named, IReadOnlyList<IEmailTransport> owned)
    {
        Default = defaultTransport;
        _named = named;
        _owned = owned;
    }

    /// <summary>The transport messages go through unless they name another or a route picks one.</summary>
    public IEmailTransport Default { get; }

    /// <summary>The names of the configured transports.</summary>
    public IReadOnlyCollection<string> Names => _named.Keys.ToArray();

    /// <summary>The transport named <paramref name="name"/> (names are case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No transport has that name; the message lists those there are.</exception>
    public IEmailTransport this[string name] =>
        TryGet(name, out var transport)
            ? transport
            : throw new KeyNotFoundException($"No transport is named \"{name}\". Configured: {(_named.Count == 0 ? "none" : string.Join(", ", _named.Keys))}.");

    /// <summary>Finds the transport named <paramref name="name"/>.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEmailTransport? transport) =>
        _named.TryGetValue(name, out transport);

    /// <summary>Closes the transports created from configuration (pooled SMTP connections with QUIT).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _owned)
        {
            switch (transport)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Closes the transports created from configuration at once (pooled SMTP connections without QUIT); prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        foreach (var transport in _owned.OfType<IDisposable>())
        {
            transport.Dispose();
        }
    }
}
