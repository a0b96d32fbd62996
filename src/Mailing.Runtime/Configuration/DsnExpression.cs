namespace Mailing;

/// <summary>A transport written out as a DSN, e.g. <c>postmark+api://TOKEN@default</c>.</summary>
internal sealed record DsnExpression(TransportDsn Dsn) : TransportExpression
{
    public override string ToString() => Dsn.ToString();
}
