using Mailing.Generators.Emitting;
using Mailing.Generators.Model;
using Scriban.Syntax;

namespace Mailing.Generators.Binding;

internal sealed partial class ExpressionBinder
{
    private const string Builtins = "global::Mailing.Templates.TemplateBuiltins";

    /// <summary>
    /// <c>items[0]</c>, <c>items[-1]</c>, <c>name[0]</c>, <c>metadata["plan"]</c>: null-safe like
    /// member access, with Scriban's rules for negative and out-of-range positions (see
    /// <c>TemplateBuiltins</c>).
    /// </summary>
    private BoundExpression BindIndexer(ScriptIndexerExpression indexer)
    {
        var target = Bind(indexer.Target);
        if (target.Code == "default!")
        {
            return target;
        }

        var index = Bind(indexer.Index);
        if (index.Code == "default!")
        {
            return index;
        }

        if (target.Type.Kind == ValueKind.String)
        {
            return Position(indexer, index) is { } text
                ? new BoundExpression($"{Builtins}.Character({target.Code}, {text})", BoundType.NullableString)
                : Error();
        }

        switch (target.Type.Shape?.Indexer)
        {
            case { IsDictionary: true } dictionary when index.Type.Kind == ValueKind.String:
                return DictionaryValue(target, dictionary, index);
            case { IsDictionary: true }:
                return Incompatible(indexer.Index, $"'{indexer.Target}' is a dictionary with text keys, but the key is a value {index.Type.Describe()}");
            case { } list:
                return Position(indexer, index) is { } position ? ListItem(target, list, position) : Error();
        }

        return target.Type.Kind == ValueKind.Enumerable
            ? Unsupported(indexer, $"Indexing '{indexer.Target}', a sequence that is not a list, array or dictionary with text keys", "; expose it as a list (IReadOnlyList<T>, List<T>, T[]), or use array.first, array.last or a loop")
            : Unsupported(indexer, $"Indexing '{indexer.Target}' ({target.Type.Describe()})", "; only lists, arrays, text and dictionaries with text keys can be indexed");
    }

    /// <summary>The index as C# <c>long?</c>; Scriban converts it to a 32-bit integer, so other numbers and text are refused here.</summary>
    private string? Position(ScriptIndexerExpression indexer, BoundExpression index)
    {
        if (index.Type.Kind != ValueKind.Integer)
        {
            Incompatible(indexer.Index, $"'{indexer.Target}[...]' needs a whole-number position, but got a value {index.Type.Describe()}");
            return null;
        }

        return index.Type.CSharpName == "ulong" ? $"checked((long?)({index.Code}))" : index.Code;
    }

    private BoundExpression ListItem(BoundExpression list, IndexerShape indexer, string position)
    {
        var item = TypeOf(indexer.ItemTypeName, indexer.ItemIsNullable);
        var (method, typeArgument) = Read(item, "Item");
        var source = $"({indexer.InterfaceName}<{typeArgument}>?)({list.Code})";
        return new BoundExpression($"{Builtins}.{method}<{typeArgument}>({source}, {position})", item.WithNull(true));
    }

    private BoundExpression DictionaryValue(BoundExpression dictionary, IndexerShape indexer, BoundExpression key)
    {
        var value = TypeOf(indexer.ItemTypeName, indexer.ItemIsNullable);
        var (method, typeArgument) = Read(value, "Value");
        var source = $"({indexer.InterfaceName}<string, {typeArgument}>?)({dictionary.Code})";
        return new BoundExpression($"{Builtins}.{method}<{typeArgument}>({source}, {key.Code})", value.WithNull(true));
    }

    /// <summary>
    /// <c>metadata.plan</c>: Scriban reads a member of a dictionary as the key of that name (even
    /// <c>.size</c>), and, unlike <c>metadata["plan"]</c>, gives a missing key the value type's
    /// default (<c>0</c> for a dictionary of <c>int</c>), not null.
    /// </summary>
    private BoundExpression DictionaryMember(BoundExpression dictionary, IndexerShape indexer, string name)
    {
        var key = new BoundExpression(CSharpLiteral.String(name), BoundType.String);
        var value = TypeOf(indexer.ItemTypeName, indexer.ItemIsNullable);
        if (!value.IsValueType || value.CanBeNull)
        {
            return DictionaryValue(dictionary, indexer, key);
        }

        var source = $"({indexer.InterfaceName}<string, {value.CSharpName}>?)({dictionary.Code})";
        var read = $"{Builtins}.Value<{value.CSharpName}>({source}, {key.Code})";
        return dictionary.Type.CanBeNull
            ? new BoundExpression($"({dictionary.Code} == null ? null : ({value.CSharpName}?){read})", value.WithNull(true))
            : new BoundExpression(read, value);
    }

    /// <summary>
    /// The helper for an item type and the type argument of the interface it is read through: a
    /// struct that cannot be null comes back as <c>T?</c> from the <c>Nullable</c> variant.
    /// </summary>
    private static (string Method, string TypeArgument) Read(BoundType item, string method)
    {
        if (item.IsValueType && !item.CanBeNull)
        {
            return ("Nullable" + method, item.CSharpName);
        }

        return (method, item.CSharpName + (item.CanBeNull ? "?" : string.Empty));
    }
}
