using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Scriban.Syntax;

namespace Mailing.Generators.Binding;

internal sealed partial class ExpressionBinder
{
    private BoundExpression BindBinary(ScriptBinaryExpression binary)
    {
        if (binary.Operator is ScriptBinaryOperator.RangeInclude or ScriptBinaryOperator.RangeExclude)
        {
            var from = Bind(binary.Left);
            var to = Bind(binary.Right);
            if (from.Type.Kind != ValueKind.Integer || to.Type.Kind != ValueKind.Integer || from.Type.CanBeNull || to.Type.CanBeNull)
            {
                return Incompatible(binary, "A range needs two integers that cannot be null");
            }

            var inclusive = binary.Operator == ScriptBinaryOperator.RangeInclude ? "true" : "false";
            var shape = new TypeShape("global::System.Collections.Generic.IEnumerable<long>", ValueKind.Enumerable, false, "long", false, EquatableArray<MemberShape>.Empty);
            return new BoundExpression(
                $"{Runtime}.Range((long)({from.Code}), (long)({to.Code}), {inclusive})",
                new BoundType(ValueKind.Enumerable, shape.Name, false, false, shape));
        }

        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        if (left.Code == "default!" || right.Code == "default!")
        {
            return Error();
        }

        switch (binary.Operator)
        {
            case ScriptBinaryOperator.And:
                return new BoundExpression($"({Truthy(left)} && {Truthy(right)})", BoundType.Boolean);
            case ScriptBinaryOperator.Or:
                return new BoundExpression($"({Truthy(left)} || {Truthy(right)})", BoundType.Boolean);
            case ScriptBinaryOperator.CompareEqual:
                return Equality(binary, left, right, negate: false);
            case ScriptBinaryOperator.CompareNotEqual:
                return Equality(binary, left, right, negate: true);
            case ScriptBinaryOperator.CompareLess:
            case ScriptBinaryOperator.CompareLessOrEqual:
            case ScriptBinaryOperator.CompareGreater:
            case ScriptBinaryOperator.CompareGreaterOrEqual:
                return Relational(binary, left, right);
            case ScriptBinaryOperator.EmptyCoalescing:
                return Coalesce(binary, left, right);
            case ScriptBinaryOperator.Add:
            case ScriptBinaryOperator.Subtract:
            case ScriptBinaryOperator.Multiply:
            case ScriptBinaryOperator.Divide:
            case ScriptBinaryOperator.DivideRound:
            case ScriptBinaryOperator.Modulus:
                return Arithmetic(binary, binary.Operator, binary.OperatorAsText, (left, binary.Left), (right, binary.Right));
            default:
                return Unsupported(binary, "The operator '" + binary.OperatorAsText + "'", string.Empty);
        }
    }

    private BoundExpression BindUnary(ScriptUnaryExpression unary)
    {
        var operand = Bind(unary.Right);
        if (operand.Code == "default!")
        {
            return operand;
        }

        switch (unary.Operator)
        {
            case ScriptUnaryOperator.Not:
                return new BoundExpression("!" + Truthy(operand), BoundType.Boolean);
            case ScriptUnaryOperator.Negate when operand.Type.IsNumber:
                var type = Promote(operand.Type, operand.Type).WithNull(operand.Type.CanBeNull);
                return new BoundExpression($"(-({Cast(type)})({operand.Code}))", type);
            case ScriptUnaryOperator.Plus when operand.Type.IsNumber:
                return operand;
            default:
                return Unsupported(unary, "The operator '" + unary.OperatorAsText + "' on a value " + operand.Type.Describe(), string.Empty);
        }
    }

    private BoundExpression BindConditional(ScriptConditionalExpression conditional)
    {
        var condition = Bind(conditional.Condition);
        var then = Bind(conditional.ThenValue);
        var otherwise = Bind(conditional.ElseValue);
        if (then.Type.Kind == otherwise.Type.Kind && then.Type.Kind is not (ValueKind.Object or ValueKind.Enumerable or ValueKind.Enum or ValueKind.Other))
        {
            var type = (then.Type.IsNumber ? Promote(then.Type, otherwise.Type) : then.Type).WithNull(then.Type.CanBeNull || otherwise.Type.CanBeNull);
            return new BoundExpression($"({Truthy(condition)} ? ({Cast(type)})({then.Code}) : ({Cast(type)})({otherwise.Code}))", type, then.IsMarkup && otherwise.IsMarkup);
        }

        return new BoundExpression(
            $"({Truthy(condition)} ? {Text(then, conditional.ThenValue)} : {Text(otherwise, conditional.ElseValue)})",
            BoundType.NullableString,
            then.IsMarkup && otherwise.IsMarkup);
    }

    private BoundExpression Equality(ScriptBinaryExpression at, BoundExpression left, BoundExpression right, bool negate)
    {
        var result = EqualityCore(at, left, right);
        if (result is null)
        {
            return Error();
        }

        return new BoundExpression(negate ? "!" + result : result, BoundType.Boolean);
    }

    private string? EqualityCore(ScriptNode? at, BoundExpression left, BoundExpression right)
    {
        if (left.Type.Kind == ValueKind.Null && right.Type.Kind == ValueKind.Null)
        {
            return $"{Runtime}.HasValue<object>(null)";
        }

        if (left.Type.Kind == ValueKind.Null || right.Type.Kind == ValueKind.Null)
        {
            var value = left.Type.Kind == ValueKind.Null ? right : left;
            return "!" + Truthy(value with { Type = value.Type.Kind == ValueKind.Boolean ? value.Type with { Kind = ValueKind.Other } : value.Type });
        }

        var l = left.Type;
        var r = right.Type;
        if (l.IsNumber && r.IsNumber)
        {
            var common = Promote(l, r).WithNull(l.CanBeNull || r.CanBeNull);
            return $"(({Cast(common)})({left.Code}) == ({Cast(common)})({right.Code}))";
        }

        if (l.Kind == ValueKind.Enum && r.Kind == ValueKind.String || l.Kind == ValueKind.String && r.Kind == ValueKind.Enum)
        {
            return $"string.Equals({Text(left, at)}, {Text(right, at)})";
        }

        if (l.Kind == r.Kind && (l.Kind is ValueKind.String or ValueKind.Boolean or ValueKind.DateTime or ValueKind.DateTimeOffset
            || (l.Kind == ValueKind.Enum && l.CSharpName == r.CSharpName)))
        {
            return $"({left.Code} == {right.Code})";
        }

        Incompatible(at, $"Cannot compare a value {l.Describe()} with a value {r.Describe()}");
        return null;
    }

    public string? CaseEquality(ScriptNode? at, BoundExpression value, BoundExpression when) => EqualityCore(at, value, when);

    private BoundExpression Relational(ScriptBinaryExpression binary, BoundExpression left, BoundExpression right)
    {
        var op = binary.Operator switch
        {
            ScriptBinaryOperator.CompareLess => "<",
            ScriptBinaryOperator.CompareLessOrEqual => "<=",
            ScriptBinaryOperator.CompareGreater => ">",
            _ => ">=",
        };
        var l = left.Type;
        var r = right.Type;
        if (l.IsNumber && r.IsNumber)
        {
            var common = Promote(l, r).WithNull(l.CanBeNull || r.CanBeNull);
            return new BoundExpression($"(({Cast(common)})({left.Code}) {op} ({Cast(common)})({right.Code}))", BoundType.Boolean);
        }

        if (l.Kind == ValueKind.String && r.Kind == ValueKind.String)
        {
            return new BoundExpression($"(string.CompareOrdinal({left.Code}, {right.Code}) {op} 0)", BoundType.Boolean);
        }

        if (l.Kind == r.Kind && l.Kind is ValueKind.DateTime or ValueKind.DateTimeOffset)
        {
            return new BoundExpression($"({left.Code} {op} {right.Code})", BoundType.Boolean);
        }

        return Incompatible(binary, $"Cannot order a value {l.Describe()} against a value {r.Describe()} with '{binary.OperatorAsText}'");
    }

    private BoundExpression Coalesce(ScriptBinaryExpression binary, BoundExpression left, BoundExpression right)
    {
        if (!left.Type.CanBeNull)
        {
            return left;
        }

        if (left.Type.Kind == right.Type.Kind && left.Type.Kind is ValueKind.String or ValueKind.Boolean or ValueKind.DateTime or ValueKind.DateTimeOffset)
        {
            return new BoundExpression($"({left.Code} ?? {right.Code})", left.Type.WithNull(right.Type.CanBeNull), left.IsMarkup && right.IsMarkup);
        }

        if (left.Type.IsNumber && right.Type.IsNumber)
        {
            var common = Promote(left.Type, right.Type);
            return new BoundExpression($"(({Cast(common.WithNull(true))})({left.Code}) ?? ({Cast(common.WithNull(right.Type.CanBeNull))})({right.Code}))", common.WithNull(right.Type.CanBeNull));
        }

        return new BoundExpression($"({Text(left, binary.Left)} ?? {Text(right, binary.Right)})", BoundType.NullableString);
    }

    /// <summary>
    /// <c>+ - * / // %</c>, and the <c>math.plus</c>-style functions that Scriban evaluates as the
    /// same operators: text on either side of <c>+</c> concatenates, numbers compute.
    /// </summary>
    /// <param name="at">Where to report a type error.</param>
    /// <param name="operation">The operator.</param>
    /// <param name="name">The operator or function, as the template writes it.</param>
    /// <param name="left">The left operand and its syntax.</param>
    /// <param name="right">The right operand and its syntax.</param>
    public BoundExpression Arithmetic(ScriptNode? at, ScriptBinaryOperator operation, string name, (BoundExpression Value, ScriptNode? Node) left, (BoundExpression Value, ScriptNode? Node) right)
    {
        var l = left.Value.Type;
        var r = right.Value.Type;
        if (operation == ScriptBinaryOperator.Add && (l.Kind == ValueKind.String || r.Kind == ValueKind.String))
        {
            return new BoundExpression($"string.Concat({Text(left.Value, left.Node)}, {Text(right.Value, right.Node)})", BoundType.String);
        }

        if (!l.IsNumber || !r.IsNumber)
        {
            return Incompatible(at, $"'{name}' needs numbers, but got a value {l.Describe()} and a value {r.Describe()}");
        }

        var canBeNull = l.CanBeNull || r.CanBeNull;
        var common = Promote(l, r).WithNull(canBeNull);
        var op = operation switch
        {
            ScriptBinaryOperator.Add => "+",
            ScriptBinaryOperator.Subtract => "-",
            ScriptBinaryOperator.Multiply => "*",
            ScriptBinaryOperator.Divide or ScriptBinaryOperator.DivideRound => "/",
            _ => "%",
        };
        if (operation == ScriptBinaryOperator.Divide && common.Kind == ValueKind.Integer)
        {
            // Scriban divides integers into a double: 7 / 2 is 3.5.
            common = BoundType.Double.WithNull(canBeNull);
        }
        else if (operation == ScriptBinaryOperator.DivideRound && common.Kind != ValueKind.Integer)
        {
            return Incompatible(at, "'//' (integer division) needs two integers");
        }

        var code = $"({Cast(common)})({left.Value.Code}) {op} ({Cast(common)})({right.Value.Code})";

        // Scriban moves to BigInteger past 64 bits; compiled templates stay typed and refuse to wrap.
        return new BoundExpression(common.Kind == ValueKind.Integer ? $"checked({code})" : $"({code})", common);
    }

    private BoundExpression Incompatible(ScriptNode? at, string message)
    {
        _report(DiagnosticDescriptors.IncompatibleTypes, at, new[] { message });
        return Error();
    }

    /// <summary>Scriban's numeric promotion: integers widen to long, decimal wins over double.</summary>
    private static BoundType Promote(BoundType left, BoundType right)
    {
        if (left.Kind == ValueKind.Decimal || right.Kind == ValueKind.Decimal)
        {
            return BoundType.Decimal;
        }

        return left.Kind == ValueKind.Double || right.Kind == ValueKind.Double ? BoundType.Double : BoundType.Long;
    }

    private static string Cast(BoundType type) => type.CSharpName + (type.CanBeNull ? "?" : string.Empty);
}
