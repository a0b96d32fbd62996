namespace Mailing.Transports;

/// <summary>
/// Creates the transport a DSN of a scheme added with
/// <c>services.AddMailingTransportScheme(scheme, factory)</c> describes, e.g. the dev inbox's <c>inbox://</c>.
/// </summary>
/// <param name="dsn">The DSN as written in configuration (<c>Mailing:Transport</c>, a named transport or a list member).</param>
/// <param name="name">The name the transport is reported under (<see cref="IEmailTransport.Name"/>).</param>
/// <param name="services">The application's services.</param>
/// <returns>The transport, created once per place the DSN is written; Mailing disposes it if it is disposable.</returns>
public delegate IEmailTransport TransportSchemeFactory(TransportDsn dsn, string name, IServiceProvider services);
