namespace Mailing.Analyzers.Json;

/// <summary>The kind of a parsed JSON value.</summary>
internal enum JsonValueKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
