using Mailing.Generators.Model;

namespace Mailing.Generators.Binding;

/// <summary>The static type of a template expression.</summary>
/// <param name="Kind">How templates treat the value.</param>
/// <param name="CSharpName">The C# type without nullability (<c>long</c>, <c>global::Shop.Order</c>).</param>
/// <param name="CanBeNull">Whether the value may be null at run time.</param>
/// <param name="IsValueType">Whether the C# type is a struct (so nullable means <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="Shape">The model shape for objects and enumerables.</param>
internal sealed record BoundType(ValueKind Kind, string CSharpName, bool CanBeNull, bool IsValueType, TypeShape? Shape)
{
    public static readonly BoundType Null = new(ValueKind.Null, "object", true, false, null);
    public static readonly BoundType String = new(ValueKind.String, "string", false, false, null);
    public static readonly BoundType NullableString = new(ValueKind.String, "string", true, false, null);
    public static readonly BoundType Boolean = new(ValueKind.Boolean, "bool", false, true, null);
    public static readonly BoundType Long = new(ValueKind.Integer, "long", false, true, null);
    public static readonly BoundType Decimal = new(ValueKind.Decimal, "decimal", false, true, null);
    public static readonly BoundType Double = new(ValueKind.Double, "double", false, true, null);

    public bool IsNumber => Kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Double;

    /// <summary>The C# type to declare a template variable of this type with (always nullable, as unset variables are null).</summary>
    public string NullableDeclaration => Kind switch
    {
        ValueKind.Integer => "long?",
        ValueKind.Double => "double?",
        _ => CSharpName + "?",
    };

    public string Describe() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Object or ValueKind.Enum or ValueKind.Other => "of type " + CSharpName.Replace("global::", string.Empty),
        ValueKind.Enumerable => "a collection",
        _ => Article(Kind.ToString().ToLowerInvariant()),
    };

    private static string Article(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;

    public BoundType WithNull(bool canBeNull) => this with { CanBeNull = canBeNull };
}
