namespace Mailing.Generators.Model;

/// <summary>Which interface a template indexer (<c>items[0]</c>, <c>metadata["plan"]</c>) reads a collection through.</summary>
internal enum IndexerKind
{
    /// <summary><c>IReadOnlyList&lt;T&gt;</c>: arrays, <c>List&lt;T&gt;</c>, <c>ImmutableArray&lt;T&gt;</c>, ...</summary>
    ReadOnlyList,

    /// <summary><c>IList&lt;T&gt;</c> without <c>IReadOnlyList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    ReadOnlyDictionary,

    /// <summary><c>IDictionary&lt;string, T&gt;</c> without <c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    Dictionary,
}
