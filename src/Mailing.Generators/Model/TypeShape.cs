namespace Mailing.Generators.Model;

/// <summary>What the binder needs to know about one C# type, as plain data.</summary>
/// <param name="Name">The fully qualified C# name (<c>global::Shop.Order</c>); also the key.</param>
/// <param name="Kind">How templates treat it.</param>
/// <param name="IsValueType">Whether <c>T?</c> means <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="ElementTypeName">For enumerables: key of the item type.</param>
/// <param name="ElementIsNullable">For enumerables: whether items may be null.</param>
/// <param name="Members">For objects: the readable properties.</param>
/// <param name="Indexer">For lists, arrays and dictionaries with text keys: how <c>x[...]</c> reads them.</param>
internal sealed record TypeShape(
    string Name,
    ValueKind Kind,
    bool IsValueType,
    string? ElementTypeName,
    bool ElementIsNullable,
    EquatableArray<MemberShape> Members,
    IndexerShape? Indexer = null);
