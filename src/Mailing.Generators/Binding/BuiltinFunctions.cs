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
        ["date.to_string"] = new(2, 2, DateToString),
        ["math.format"] = new(2, 2, MathFormat),
        ["math.round"] = new(1, 2, MathRound),
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
