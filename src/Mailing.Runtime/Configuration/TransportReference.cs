namespace Mailing;

/// <summary>The name of a transport configured under <c>Mailing:Transports</c> (or added in code).</summary>
internal sealed record TransportReference(string Name) : TransportExpression
{
    public override string ToString() => Name;
}
