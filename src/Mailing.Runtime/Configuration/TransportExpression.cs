namespace Mailing;

/// <summary>
/// What <c>Mailing:Transport</c> (or a named transport) says: a DSN, the name of a configured transport, or a
/// <c>failover(...)</c> / <c>roundrobin(...)</c> list of those.
/// </summary>
internal abstract record TransportExpression;
