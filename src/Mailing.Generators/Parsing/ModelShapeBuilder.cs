using System.Collections.Generic;
using System.Linq;
using Mailing.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Mailing.Generators.Parsing;

/// <summary>
/// Describes the template class and every type reachable through its public properties as plain
/// data, so binding needs no symbols and the pipeline stays cacheable.
/// </summary>
internal sealed class ModelShapeBuilder
{
    private const int MaxTypes = 256;
    private static readonly SymbolDisplayFormat FullName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions & ~SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Dictionary<string, TypeShape?> _shapes = new();
    private readonly Queue<ITypeSymbol> _pending = new();

    public static (string Root, EquatableArray<TypeShape> Types) Build(INamedTypeSymbol root)
    {
        var builder = new ModelShapeBuilder();
        var rootName = builder.Enqueue(root);
        while (builder._pending.Count > 0 && builder._shapes.Count < MaxTypes)
        {
            builder.Describe(builder._pending.Dequeue());
        }

        var types = builder._shapes.Values.Where(s => s is not null).Select(s => s!).OrderBy(s => s.Name, System.StringComparer.Ordinal);
        return (rootName, types.ToEquatableArray());
    }

    private string Enqueue(ITypeSymbol type)
    {
        var name = type.ToDisplayString(FullName);
        if (!_shapes.ContainsKey(name))
        {
            _shapes[name] = null;
            _pending.Enqueue(type);
        }

        return name;
    }

    private void Describe(ITypeSymbol type)
    {
        var name = type.ToDisplayString(FullName);
        var kind = Classify(type, out var element);
        if (kind == ValueKind.Enumerable)
        {
            var (elementType, elementNullable) = Unwrap(element!);
            _shapes[name] = new TypeShape(name, kind, type.IsValueType, Enqueue(elementType), elementNullable, EquatableArray<MemberShape>.Empty, DescribeIndexer(type));
            return;
        }

        var members = new List<MemberShape>();
        if (kind == ValueKind.Object)
        {
            var seen = new HashSet<string>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                        || property.GetMethod is null || property.GetMethod.DeclaredAccessibility != Accessibility.Public
                        || property.Name == "EqualityContract" || !seen.Add(property.Name))
                    {
                        continue;
                    }

                    var (propertyType, nullable) = Unwrap(property.Type);
                    members.Add(new MemberShape(property.Name, ScriptName(property.Name), Enqueue(propertyType), nullable));
                }
            }
        }

        _shapes[name] = new TypeShape(name, kind, type.IsValueType, null, false, members.ToEquatableArray());
    }

    /// <summary>
    /// How a template can index the collection: a dictionary with <c>string</c> keys by key, a list or
    /// a one-dimensional array by position; anything else (a plain sequence) not at all.
    /// </summary>
    private IndexerShape? DescribeIndexer(ITypeSymbol type)
    {
        var interfaces = type.TypeKind == TypeKind.Interface && type is INamedTypeSymbol self
            ? type.AllInterfaces.Insert(0, self)
            : type.AllInterfaces;
        var readOnlyDictionary = Find(interfaces, "IReadOnlyDictionary`2");
        var dictionary = readOnlyDictionary ?? Find(interfaces, "IDictionary`2");
        if (dictionary is not null)
        {
            return dictionary.TypeArguments[0].SpecialType == SpecialType.System_String
                ? Indexer(readOnlyDictionary is null ? IndexerKind.Dictionary : IndexerKind.ReadOnlyDictionary, dictionary.TypeArguments[1])
                : null;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.IsSZArray ? Indexer(IndexerKind.ReadOnlyList, array.ElementType) : null;
        }

        var readOnlyList = Find(interfaces, "IReadOnlyList`1");
        var list = readOnlyList ?? Find(interfaces, "IList`1");
        return list is null ? null : Indexer(readOnlyList is null ? IndexerKind.List : IndexerKind.ReadOnlyList, list.TypeArguments[0]);

        IndexerShape Indexer(IndexerKind kind, ITypeSymbol item)
        {
            var (itemType, itemNullable) = Unwrap(item);
            return new IndexerShape(kind, Enqueue(itemType), itemNullable);
        }
    }

    private static INamedTypeSymbol? Find(IEnumerable<INamedTypeSymbol> interfaces, string metadataName) =>
        interfaces.FirstOrDefault(i => i.OriginalDefinition.MetadataName == metadataName
            && i.OriginalDefinition.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic");

    private static (ITypeSymbol Type, bool Nullable) Unwrap(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return (nullable.TypeArguments[0], true);
        }

        return (type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated);
    }

    private static ValueKind Classify(ITypeSymbol type, out ITypeSymbol? element)
    {
        element = null;
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return ValueKind.String;
            case SpecialType.System_Boolean: return ValueKind.Boolean;
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64:
                return ValueKind.Integer;
            case SpecialType.System_Decimal: return ValueKind.Decimal;
            case SpecialType.System_Single or SpecialType.System_Double: return ValueKind.Double;
            case SpecialType.System_DateTime: return ValueKind.DateTime;
            case SpecialType.System_Char: return ValueKind.Other;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ValueKind.Enum;
        }

        var display = type.ToDisplayString();
        if (display == "System.DateTimeOffset")
        {
            return ValueKind.DateTimeOffset;
        }

        if (type is IArrayTypeSymbol array)
        {
            element = array.ElementType;
            return ValueKind.Enumerable;
        }

        var enumerable = type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } self)
        {
            enumerable = self;
        }

        if (enumerable is not null)
        {
            element = enumerable.TypeArguments[0];
            return ValueKind.Enumerable;
        }

        // Framework types (Guid, TimeSpan, Uri) print through ToString; their members are not template data.
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal)
            || type.TypeKind is TypeKind.TypeParameter or TypeKind.Delegate or TypeKind.Pointer or TypeKind.Dynamic or TypeKind.Error)
        {
            return ValueKind.Other;
        }

        return ValueKind.Object;
    }

    /// <summary>Scriban's <c>StandardMemberRenamer</c>: <c>FirstName</c> becomes <c>first_name</c>.</summary>
    internal static string ScriptName(string name) => Scriban.Runtime.StandardMemberRenamer.Rename(name);
}
