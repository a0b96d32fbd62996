namespace Mailing;

/// <summary>How a transport list chooses: in order (<c>failover</c>) or in turn (<c>roundrobin</c>).</summary>
internal enum TransportListKind
{
    Failover,
    RoundRobin,
}
