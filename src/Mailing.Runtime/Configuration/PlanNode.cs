using Mailing.Transports;

namespace Mailing;

/// <summary>
/// A resolved transport in the configuration: a leaf that can be created, or a failover / round-robin list over
/// other nodes. A node reached through several names or lists is one node, so it becomes one transport.
/// </summary>
internal sealed class PlanNode
{
    private PlanNode(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Creates a leaf transport; <see langword="null"/> for a list.</summary>
    public Func<IServiceProvider, IEmailTransport>? Create { get; private init; }

    /// <summary>Whether the plan created the transport and must dispose it (not one handed over by a factory in code).</summary>
    public bool IsOwned { get; private init; }

    public TransportListKind? ListKind { get; private init; }

    public IReadOnlyList<PlanNode> Children { get; private init; } = [];

    /// <summary>Whether the list was written inside another list: only the outer one retries, so waits do not multiply.</summary>
    public bool IsNested { get; private init; }

    public static PlanNode Leaf(string name, Func<IServiceProvider, IEmailTransport> create, bool owned) =>
        new(name) { Create = create, IsOwned = owned };

    public static PlanNode List(string name, TransportListKind kind, IReadOnlyList<PlanNode> children, bool nested) =>
        new(name) { ListKind = kind, Children = children, IsNested = nested };
}
