using System.Collections.Generic;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Scriban.Syntax;

namespace Mailing.Generators.Binding;

/// <summary>
/// The built-in functions email templates use, compiled to direct calls. Anything else is an
/// unknown-function error at build time rather than a surprise at run time.
/// </summary>
internal static class BuiltinFunctions
{
    private const string Functions = "global::Mailing.Templates.TemplateFunctions";
    private const string Builtins = "global::Mailing.Templates.TemplateBuiltins";

    private static readonly Dictionary<string, BuiltinFunction> ByName = new()
    {
        ["string.upcase"] = new(1, 1, (b, at, a, n) => StringCall(b, a, n, "Upcase")),
        ["string.downcase"] = new(1, 1, (b, at, a, n) => StringCall(b, a, n, "Downcase")),
        ["string.capitalize"] = new(1, 1, (b, at, a, n) => StringCall(b, a, n, "Capitalize")),
        ["string.strip"] = new(1, 1, (b, at, a, n) => StringCall(b, a, n, "Strip")),
        ["string.size"] = new(1, 1, (b, at, a, n) => new BoundExpression($"{Functions}.Size({b.Text(a[0], n[0])})", BoundType.Long)),
        ["string.truncate"] = new(2, 3, Truncate),
        ["string.replace"] = new(3, 3, (b, at, a, n) => new BoundExpression(
            $"{Functions}.Replace({b.Text(a[0], n[0])}, {b.Text(a[1], n[1])}, {b.Text(a[2], n[2])})", BoundType.NullableString)),
        ["string.append"] = new(2, 2, (b, at, a, n) => new BoundExpression($"string.Concat({b.Text(a[0], n[0])}, {b.Text(a[1], n[1])})", BoundType.String)),
        ["string.prepend"] = new(2, 2, (b, at, a, n) => new BoundExpression($"string.Concat({b.Text(a[1], n[1])}, {b.Text(a[0], n[0])})", BoundType.String)),
        ["string.contains"] = new(2, 2, (b, at, a, n) => TextTest(b, a, n, "Contains")),
        ["string.starts_with"] = new(2, 2, (b, at, a, n) => TextTest(b, a, n, "StartsWith")),
        ["string.ends_with"] = new(2, 2, (b, at, a, n) => TextTest(b, a, n, "EndsWith")),
        ["string.empty"] = new(1, 1, (b, at, a, n) => new BoundExpression($"string.IsNullOrEmpty({b.Text(a[0], n[0])})", BoundType.Boolean)),
        ["string.whitespace"] = new(1, 1, (b, at, a, n) => new BoundExpression($"string.IsNullOrWhiteSpace({b.Text(a[0], n[0])})", BoundType.Boolean)),
        ["string.lstrip"] = new(1, 1, (b, at, a, n) => new BoundExpression($"({b.Text(a[0], n[0])})?.TrimStart()", BoundType.NullableString)),
        ["string.rstrip"] = new(1, 1, (b, at, a, n) => new BoundExpression($"({b.Text(a[0], n[0])})?.TrimEnd()", BoundType.NullableString)),
        ["string.pluralize"] = new(3, 3, Pluralize),
        ["string.slice"] = new(2, 3, (b, at, a, n) => Slice(b, a, n, "Slice")),
        ["string.slice1"] = new(2, 3, (b, at, a, n) => Slice(b, a, n, "Slice1")),
        ["string.pad_left"] = new(2, 2, (b, at, a, n) => Pad(b, a, n, "PadLeft")),
        ["string.pad_right"] = new(2, 2, (b, at, a, n) => Pad(b, a, n, "PadRight")),
        ["date.to_string"] = new(2, 2, DateToString),
        ["math.format"] = new(2, 2, MathFormat),
        ["math.round"] = new(1, 2, MathRound),
        ["math.floor"] = new(1, 1, (b, at, a, n) => FloorOrCeiling(b, a, n, "floor", "Floor")),
        ["math.ceil"] = new(1, 1, (b, at, a, n) => FloorOrCeiling(b, a, n, "ceil", "Ceiling")),
        ["math.abs"] = new(1, 1, Abs),
        ["math.plus"] = new(2, 2, (b, at, a, n) => b.Arithmetic(at, ScriptBinaryOperator.Add, "math.plus", (a[0], n[0]), (a[1], n[1]))),
        ["math.minus"] = new(2, 2, (b, at, a, n) => b.Arithmetic(at, ScriptBinaryOperator.Subtract, "math.minus", (a[0], n[0]), (a[1], n[1]))),
        ["math.times"] = new(2, 2, (b, at, a, n) => b.Arithmetic(at, ScriptBinaryOperator.Multiply, "math.times", (a[0], n[0]), (a[1], n[1]))),
        ["math.modulo"] = new(2, 2, (b, at, a, n) => b.Arithmetic(at, ScriptBinaryOperator.Modulus, "math.modulo", (a[0], n[0]), (a[1], n[1]))),
        ["array.size"] = new(1, 1, (b, at, a, n) => Size(a[0])),
        ["array.first"] = new(1, 1, (b, at, a, n) => Element(b, at, a[0], "First")),
        ["array.last"] = new(1, 1, (b, at, a, n) => Element(b, at, a[0], "Last")),
        ["array.join"] = new(2, 2, Join),
        ["object.default"] = new(2, 2, Default),
        ["html.escape"] = new(1, 1, (b, at, a, n) => new BoundExpression(
            $"global::Mailing.Templates.TemplateHtml.Escape({b.Text(a[0], n[0])})", BoundType.NullableString, IsMarkup: b.IsHtml)),
        ["html.raw"] = new(1, 1, Raw),
    };

    private static readonly HashSet<string> Objects = new() { "string", "date", "math", "array", "object", "html" };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool IsBuiltinObject(string name) => Objects.Contains(name);

    public static bool TryGet(string name, out BuiltinFunction function) => ByName.TryGetValue(name, out function!);

    public static BoundExpression Size(BoundExpression value) => value.Type.Kind == ValueKind.String
        ? new BoundExpression($"{Functions}.Size({value.Code})", BoundType.Long)
        : new BoundExpression($"{Functions}.Size((global::System.Collections.IEnumerable?)({value.Code}))", BoundType.Long);

    private static BoundExpression StringCall(ExpressionBinder binder, List<BoundExpression> args, List<ScriptNode?> nodes, string method) =>
        new($"{Functions}.{method}({binder.Text(args[0], nodes[0])})", BoundType.NullableString);

    private static BoundExpression Truncate(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        if (args[1].Type.Kind != ValueKind.Integer || args[1].Type.CanBeNull)
        {
            return Mismatch(binder, nodes[1], "string.truncate needs a whole-number length");
        }

        var ellipsis = args.Count == 3 ? ", " + binder.Text(args[2], nodes[2]) : string.Empty;
        return new BoundExpression($"{Functions}.Truncate({binder.Text(args[0], nodes[0])}, (long)({args[1].Code}){ellipsis})", BoundType.NullableString);
    }

    private static BoundExpression TextTest(ExpressionBinder binder, List<BoundExpression> args, List<ScriptNode?> nodes, string method) =>
        new($"{Builtins}.{method}({binder.Text(args[0], nodes[0])}, {binder.Text(args[1], nodes[1])})", BoundType.Boolean);

    /// <summary><c>string.pluralize count singular plural</c>: the singular when the count is exactly 1 (null counts as 0).</summary>
    private static BoundExpression Pluralize(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        var count = args[0];
        if (count.Type.Kind != ValueKind.Integer)
        {
            return Mismatch(binder, nodes[0], $"string.pluralize needs a whole-number count, but got a value {count.Type.Describe()}");
        }

        var singular = binder.Text(args[1], nodes[1]);
        var plural = binder.Text(args[2], nodes[2]);
        var type = BoundType.String.WithNull(args[1].Type.CanBeNull || args[2].Type.CanBeNull || args[1].Type.Kind != ValueKind.String || args[2].Type.Kind != ValueKind.String);
        return new BoundExpression($"({Int32(count)} == 1 ? {singular} : {plural})", type);
    }

    /// <summary><c>string.slice text start [length]</c> (rest of the text by default) and <c>string.slice1</c> (one character by default).</summary>
    private static BoundExpression Slice(ExpressionBinder binder, List<BoundExpression> args, List<ScriptNode?> nodes, string method)
    {
        var name = "string." + method.ToLowerInvariant();
        if (args[1].Type.Kind != ValueKind.Integer || args[1].Type.CanBeNull)
        {
            return Mismatch(binder, nodes[1], $"{name} needs a whole-number start that cannot be null, but got a value {args[1].Type.Describe()}");
        }

        if (args.Count == 3 && args[2].Type.Kind != ValueKind.Integer)
        {
            return Mismatch(binder, nodes[2], $"{name} needs a whole-number length, but got a value {args[2].Type.Describe()}");
        }

        var length = args.Count == 3 ? $"(long?)({args[2].Code})" : method == "Slice" ? "null" : "1L";
        return new BoundExpression($"{Builtins}.{method}({binder.Text(args[0], nodes[0])}, (long)({args[1].Code}), {length})", BoundType.String);
    }

    private static BoundExpression Pad(ExpressionBinder binder, List<BoundExpression> args, List<ScriptNode?> nodes, string method)
    {
        if (args[1].Type.Kind != ValueKind.Integer || args[1].Type.CanBeNull)
        {
            return Mismatch(binder, nodes[1], $"string.{(method == "PadLeft" ? "pad_left" : "pad_right")} needs a whole-number width that cannot be null, but got a value {args[1].Type.Describe()}");
        }

        return new BoundExpression($"({binder.Text(args[0], nodes[0])} ?? string.Empty).{method}({Int32(args[1])})", BoundType.String);
    }

    /// <summary>Scriban's conversion of a whole-number argument to <c>int</c>: values past 32 bits fail.</summary>
    private static string Int32(BoundExpression value) => value.Type.CSharpName switch
    {
        "int" or "short" or "ushort" or "sbyte" or "byte" => value.Code,
        _ => $"checked(({(value.Type.CanBeNull ? "int?" : "int")})({value.Code}))",
    };

    /// <summary><c>math.floor</c> and <c>math.ceil</c>: Scriban takes a double (null as 0) and gives a double, so <c>-0.5 | math.ceil</c> is <c>-0</c>.</summary>
    private static BoundExpression FloorOrCeiling(ExpressionBinder binder, List<BoundExpression> args, List<ScriptNode?> nodes, string name, string method)
    {
        var value = args[0];
        if (!value.Type.IsNumber)
        {
            return Mismatch(binder, nodes[0], $"math.{name} needs a number, but got a value {value.Type.Describe()}");
        }

        var number = value.Type.CanBeNull ? $"({value.Code}) ?? 0" : value.Code;
        return new BoundExpression($"global::System.Math.{method}((double)({number}))", BoundType.Double);
    }

    /// <summary><c>math.abs</c>: the same type back, null stays null.</summary>
    private static BoundExpression Abs(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        var value = args[0];
        if (!value.Type.IsNumber)
        {
            return Mismatch(binder, nodes[0], $"math.abs needs a number, but got a value {value.Type.Describe()}");
        }

        if (value.Type.CSharpName is "byte" or "ushort" or "uint" or "ulong")
        {
            return value;
        }

        return value.Type.CanBeNull
            ? new BoundExpression($"({value.Code} == null ? null : ({value.Type.CSharpName}?)global::System.Math.Abs(({value.Code}).Value))", value.Type)
            : new BoundExpression($"global::System.Math.Abs({value.Code})", value.Type);
    }

    private static BoundExpression DateToString(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        var date = args[0];
        if (date.Type.Kind is not (ValueKind.DateTime or ValueKind.DateTimeOffset))
        {
            return Mismatch(binder, nodes[0], $"date.to_string needs a DateTime or DateTimeOffset, but got a value {date.Type.Describe()}");
        }

        var format = args[1].Type.Kind == ValueKind.String && !args[1].Type.CanBeNull
            ? args[1].Code
            : $"{binder.Text(args[1], nodes[1])} ?? string.Empty";
        var call = (string value) => $"global::Mailing.Templates.Strftime.Format({value}, {format}, __out.Culture)";
        return date.Type.CanBeNull
            ? new BoundExpression($"({date.Code} == null ? null : {call("(" + date.Code + ").Value")})", BoundType.NullableString)
            : new BoundExpression(call(date.Code), BoundType.String);
    }

    private static BoundExpression MathFormat(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        var value = args[0];
        if (!value.Type.IsNumber)
        {
            return Mismatch(binder, nodes[0], $"math.format needs a number, but got a value {value.Type.Describe()}");
        }

        var access = value.Type.CanBeNull ? "?." : ".";
        return new BoundExpression($"({value.Code}){access}ToString({binder.Text(args[1], nodes[1])}, __out.Culture)", BoundType.NullableString);
    }

    private static BoundExpression MathRound(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        var value = args[0];
        if (!value.Type.IsNumber || value.Type.CanBeNull)
        {
            return Mismatch(binder, nodes[0], $"math.round needs a number that cannot be null, but got a value {value.Type.Describe()}");
        }

        if (value.Type.Kind == ValueKind.Integer)
        {
            return value;
        }

        var digits = args.Count == 2 ? $", (int)({args[1].Code})" : string.Empty;
        var type = value.Type.Kind == ValueKind.Decimal ? BoundType.Decimal : BoundType.Double;
        return new BoundExpression($"global::System.Math.Round(({type.CSharpName})({value.Code}){digits})", type);
    }

    private static BoundExpression Element(ExpressionBinder binder, ScriptNode? at, BoundExpression value, string method)
    {
        if (value.Type.Kind != ValueKind.Enumerable || value.Type.Shape?.ElementTypeName is not { } element)
        {
            return Mismatch(binder, at, $"array.{method.ToLowerInvariant()} needs a collection, but got a value {value.Type.Describe()}");
        }

        var type = binder.TypeOf(element, true);
        var elementType = type.IsValueType ? type.CSharpName : type.CSharpName + "?";
        return new BoundExpression($"{Functions}.{method}<{elementType}>({value.Code})", type.WithNull(!type.IsValueType || value.Type.Shape.ElementIsNullable));
    }

    private static BoundExpression Join(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        var value = args[0];
        if (value.Type.Kind != ValueKind.Enumerable || value.Type.Shape?.ElementTypeName is not { } element)
        {
            return Mismatch(binder, nodes[0], $"array.join needs a collection, but got a value {value.Type.Describe()}");
        }

        var item = binder.NewName("__item");
        var type = binder.TypeOf(element, value.Type.Shape.ElementIsNullable);
        var text = binder.Text(new BoundExpression(item, type), nodes[0]);
        var elementType = type.CSharpName + (type.CanBeNull ? "?" : string.Empty);
        var source = value.Type.CanBeNull
            ? $"(({value.Code}) ?? (global::System.Collections.Generic.IEnumerable<{elementType}>)global::System.Array.Empty<{elementType}>())"
            : value.Code;
        return new BoundExpression(
            $"string.Join({binder.Text(args[1], nodes[1])}, global::System.Linq.Enumerable.Select({source}, ({elementType} {item}) => {text}))",
            BoundType.String);
    }

    private static BoundExpression Default(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        var value = args[0];
        var fallback = args[1];
        if (value.Type.Kind == ValueKind.String || value.Type.Kind == ValueKind.Null)
        {
            return new BoundExpression($"{Functions}.Default({binder.Text(value, nodes[0])}, {binder.Text(fallback, nodes[1])})", BoundType.NullableString.WithNull(fallback.Type.CanBeNull), value.IsMarkup);
        }

        if (!value.Type.CanBeNull)
        {
            return value;
        }

        return new BoundExpression($"({binder.Text(value, nodes[0])} ?? {binder.Text(fallback, nodes[1])})", BoundType.NullableString);
    }

    private static BoundExpression Raw(ExpressionBinder binder, ScriptNode? at, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        if (binder.IsHtml)
        {
            binder.Report(DiagnosticDescriptors.RawOutput, at, nodes[0]?.ToString() ?? "value");
        }

        return new BoundExpression(binder.Text(args[0], nodes[0]), BoundType.NullableString, IsMarkup: binder.IsHtml);
    }

    private static BoundExpression Mismatch(ExpressionBinder binder, ScriptNode? at, string message)
    {
        binder.Report(DiagnosticDescriptors.IncompatibleTypes, at, message);
        return binder.Error();
    }
}
