namespace Mailing;

/// <summary><c>failover(a b ...)</c> or <c>roundrobin(a b ...)</c>.</summary>
internal sealed record TransportList(TransportListKind Kind, IReadOnlyList<TransportExpression> Items) : TransportExpression
{
    public override string ToString() =>
        $"{(Kind == TransportListKind.Failover ? "failover" : "roundrobin")}({string.Join(' ', Items)})";
}
