namespace Mailing.Generators.Model;

/// <summary>How a collection is indexed: by position (lists) or by a text key (dictionaries).</summary>
/// <param name="Kind">The interface the generated code indexes through.</param>
/// <param name="ItemTypeName">Key of the item's (list) or value's (dictionary) <see cref="TypeShape"/>.</param>
/// <param name="ItemIsNullable">Whether items or values may be null.</param>
internal sealed record IndexerShape(IndexerKind Kind, string ItemTypeName, bool ItemIsNullable)
{
    public bool IsDictionary => Kind is IndexerKind.ReadOnlyDictionary or IndexerKind.Dictionary;

    /// <summary>The generic interface's name without its type arguments.</summary>
    public string InterfaceName => Kind switch
    {
        IndexerKind.ReadOnlyList => "global::System.Collections.Generic.IReadOnlyList",
        IndexerKind.List => "global::System.Collections.Generic.IList",
        IndexerKind.ReadOnlyDictionary => "global::System.Collections.Generic.IReadOnlyDictionary",
        _ => "global::System.Collections.Generic.IDictionary",
    };
}
