using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Emitting;
using Mailing.Generators.Model;
using Microsoft.CodeAnalysis;
using Scriban.Syntax;

namespace Mailing.Generators.Binding;

/// <summary>
/// Binds Scriban expressions to the C# model: every name to a property, variable or loop value,
/// every operator and built-in function to typed C# code with Scriban's run-time semantics.
/// </summary>
internal sealed partial class ExpressionBinder
{
    private const string Runtime = "global::Mailing.Templates.TemplateFunctions";
    private static readonly string[] LoopMembers = { "index", "rindex", "first", "last", "even", "odd", "length", "changed" };
    private readonly Dictionary<string, TypeShape> _types;
    private readonly TypeShape _model;
    private readonly Action<DiagnosticDescriptor, ScriptNode?, string[]> _report;
    private readonly List<Dictionary<string, TemplateVariable>> _scopes = new() { new Dictionary<string, TemplateVariable>() };
    private readonly List<LoopFrame> _loops = new();
    private readonly IReadOnlyDictionary<string, BoundType> _variableTypes;
    private int _unique;

    public ExpressionBinder(
        IEnumerable<TypeShape> types,
        string modelTypeName,
        bool isHtml,
        Action<DiagnosticDescriptor, ScriptNode?, string[]> report,
        IReadOnlyDictionary<string, BoundType>? variableTypes = null)
    {
        _variableTypes = variableTypes ?? new Dictionary<string, BoundType>();
        _types = types.ToDictionary(t => t.Name);
        _model = _types[modelTypeName];
        IsHtml = isHtml;
        _report = report;
    }

    public bool IsHtml { get; }

    /// <summary>Variables assigned anywhere in the template: declared once at the top of the method.</summary>
    public List<TemplateVariable> Globals { get; } = new();

    public bool InLoop => _loops.Count > 0;

    public string NewName(string prefix) => prefix + (++_unique).ToString(CultureInfo.InvariantCulture);

    public void PushLoop(LoopFrame frame, TemplateVariable variable)
    {
        _loops.Add(frame);
        _scopes.Add(new Dictionary<string, TemplateVariable> { [variable.Name] = variable });
    }

    public void PopLoop()
    {
        _loops.RemoveAt(_loops.Count - 1);
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    public TypeShape? Shape(string name) => _types.TryGetValue(name, out var shape) ? shape : null;

    public BoundType TypeOf(string typeName, bool canBeNull)
    {
        var shape = Shape(typeName);
        if (shape is null)
        {
            return new BoundType(ValueKind.Other, typeName, canBeNull, false, null);
        }

        return new BoundType(shape.Kind, shape.Name, canBeNull, shape.IsValueType, shape);
    }

    /// <summary>The template variable for an assignment, created on first assignment.</summary>
    public TemplateVariable? DeclareGlobal(string name, BoundExpression value, ScriptNode? at)
    {
        var existing = Globals.FirstOrDefault(g => g.Name == name);
        if (existing is not null && existing.Type.IsNumber && value.Type.IsNumber && Widen(existing.Type, value.Type) is { } widened)
        {
            existing.Type = widened;
        }

        if (existing is not null)
        {
            if (!CanAssign(existing, value))
            {
                _report(DiagnosticDescriptors.IncompatibleTypes, at, new[]
                {
                    $"'{name}' was first assigned a value {existing.Type.Describe()}; it cannot later hold a value {value.Type.Describe()}",
                });
                return null;
            }

            return existing;
        }

        var type = _variableTypes.TryGetValue(name, out var known) ? known
            : value.Type.Kind == ValueKind.Null ? BoundType.NullableString : value.Type;
        var variable = new TemplateVariable(name, CodeName(name), type, value.IsMarkup);
        Globals.Add(variable);
        _scopes[0][name] = variable;
        return variable;
    }

    /// <summary>A C# identifier for a template variable; <c>$x</c> (a Scriban local) gets its own name.</summary>
    public static string CodeName(string name) => name.StartsWith("$", StringComparison.Ordinal) ? "@local_" + name.Substring(1) : "@" + name;

    /// <summary>Integer to decimal or double: the variable's type is the widest number it ever holds.</summary>
    private static BoundType? Widen(BoundType variable, BoundType value) =>
        variable.Kind == ValueKind.Integer && value.Kind is ValueKind.Decimal or ValueKind.Double
            ? (value.Kind == ValueKind.Decimal ? BoundType.Decimal : BoundType.Double).WithNull(true)
            : null;

    private static bool CanAssign(TemplateVariable variable, BoundExpression value)
    {
        if (value.Type.Kind == ValueKind.Null)
        {
            return true;
        }

        if (variable.IsMarkup != value.IsMarkup)
        {
            return false;
        }

        var target = variable.Type;
        return target.Kind == value.Type.Kind && (target.Kind is ValueKind.Integer or ValueKind.Double || target.CSharpName == value.Type.CSharpName)
            || (target.Kind == ValueKind.Decimal && value.Type.Kind == ValueKind.Integer)
            || (target.Kind == ValueKind.Double && value.Type.Kind == ValueKind.Integer);
    }

    public string AssignCode(TemplateVariable variable, BoundExpression value) =>
        value.Type.Kind == ValueKind.Null
            ? $"{variable.CodeName} = null;"
            : $"{variable.CodeName} = ({variable.Type.NullableDeclaration})({value.Code});";

    public BoundExpression Bind(ScriptExpression? expression)
    {
        switch (expression)
        {
            case null:
                return Error();
            case ScriptLiteral literal:
                return BindLiteral(literal);
            case ScriptNestedExpression nested:
                var inner = Bind(nested.Expression);
                return inner with { Code = "(" + inner.Code + ")" };
            case ScriptVariable variable:
                return BindName(variable);
            case ScriptMemberExpression member:
                return BindMember(member);
            case ScriptPipeCall pipe:
                return BindPipe(pipe);
            case ScriptFunctionCall call:
                return BindCall(call, null);
            case ScriptBinaryExpression binary:
                return BindBinary(binary);
            case ScriptUnaryExpression unary:
                return BindUnary(unary);
            case ScriptConditionalExpression conditional:
                return BindConditional(conditional);
            case ScriptAssignExpression:
                return Unsupported(expression, "An assignment inside an expression", "; assign in its own {{ x = ... }}");
            case ScriptIndexerExpression indexer:
                return BindIndexer(indexer);
            default:
                return Unsupported(expression, Describe(expression), string.Empty);
        }
    }

    public BoundExpression Error() => new("default!", BoundType.Null);

    public BoundExpression Unsupported(ScriptNode? node, string what, string hint)
    {
        _report(DiagnosticDescriptors.UnsupportedConstruct, node, new[] { what, hint });
        return Error();
    }

    public static string Describe(ScriptNode? node)
    {
        var name = node?.GetType().Name ?? "?";
        name = name.StartsWith("Script", StringComparison.Ordinal) ? name.Substring(6) : name;
        return name switch
        {
            "WhileStatement" => "'while'",
            "TableRowStatement" => "'tablerow'",
            "WithStatement" => "'with'",
            "WrapStatement" => "'wrap'",
            "ReturnStatement" => "'ret'",
            "ImportStatement" => "'import'",
            "ReadOnlyStatement" => "'readonly'",
            "FunctionStatement" or "Function" or "AnonymousFunction" => "A function definition ('func')",
            "InterpolatedExpression" => "String interpolation",
            "ArrayInitializerExpression" => "An array literal",
            "ObjectInitializerExpression" => "An object literal",
            "FrontMatter" => "Front matter",
            _ => "'" + name + "'",
        };
    }

    private BoundExpression BindLiteral(ScriptLiteral literal) => literal.Value switch
    {
        null => new BoundExpression("null", BoundType.Null),
        string s => new BoundExpression(CSharpLiteral.String(s), BoundType.String),
        bool b => new BoundExpression(b ? "true" : "false", BoundType.Boolean),
        int i => new BoundExpression(i.ToString(CultureInfo.InvariantCulture) + "L", BoundType.Long),
        long l => new BoundExpression(l.ToString(CultureInfo.InvariantCulture) + "L", BoundType.Long),
        double d => new BoundExpression(d.ToString("R", CultureInfo.InvariantCulture) + "d", BoundType.Double),
        float f => new BoundExpression(((double)f).ToString("R", CultureInfo.InvariantCulture) + "d", BoundType.Double),
        decimal m => new BoundExpression(m.ToString(CultureInfo.InvariantCulture) + "m", BoundType.Decimal),
        _ => Unsupported(literal, "A literal of type " + literal.Value.GetType().Name, string.Empty),
    };

    private BoundExpression BindName(ScriptVariable variable)
    {
        var name = variable.Name;
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var local))
            {
                return new BoundExpression(local.CodeName, local.Type.WithNull(local.Type.CanBeNull || i == 0), local.IsMarkup);
            }
        }

        if (variable is ScriptVariableGlobal && FindMember(_model, name) is { } member)
        {
            return new BoundExpression("this." + member.Name, TypeOf(member.TypeName, member.IsNullable));
        }

        if (name == "for")
        {
            return Unsupported(variable, "'for' outside a loop", string.Empty);
        }

        var candidates = _scopes.SelectMany(s => s.Keys).Concat(_model.Members.Select(m => m.ScriptName));
        _report(DiagnosticDescriptors.UnknownMember, variable, new[]
        {
            (variable is ScriptVariableLocal ? "$" : string.Empty) + name,
            "the template model " + _model.Name.Replace("global::", string.Empty),
            NameSuggestion.DidYouMean(name, candidates),
        });
        return Error();
    }

    private static MemberShape? FindMember(TypeShape shape, string scriptName)
    {
        foreach (var member in shape.Members)
        {
            if (member.ScriptName == scriptName)
            {
                return member;
            }
        }

        return null;
    }

    private BoundExpression BindMember(ScriptMemberExpression member)
    {
        var name = member.Member!.Name;
        if (member.Target is ScriptVariableGlobal { Name: "for" } && !IsBound("for"))
        {
            return BindLoopMember(member, name);
        }

        if (member.Target is ScriptVariableGlobal { Name: var objectName } && !IsBound(objectName) && BuiltinFunctions.IsBuiltinObject(objectName))
        {
            return BindFunction(member, objectName + "." + name, new List<BoundExpression>(), new List<ScriptNode?>());
        }

        var target = Bind(member.Target);
        if (target.Type.Kind == ValueKind.Null && target.Code == "default!")
        {
            return target;
        }

        if (target.Type.Shape?.Indexer is { IsDictionary: true } dictionary)
        {
            return DictionaryMember(target, dictionary, name);
        }

        var access = target.Type.CanBeNull ? "?." : ".";
        var targetCode = Simple(target.Code) ? target.Code : "(" + target.Code + ")";
        switch (target.Type.Kind)
        {
            case ValueKind.Object when target.Type.Shape is { } shape && FindMember(shape, name) is { } found:
                var type = TypeOf(found.TypeName, found.IsNullable || target.Type.CanBeNull);
                return new BoundExpression(targetCode + access + found.Name, type);
            case ValueKind.String or ValueKind.Enumerable when name == "size":
                return BuiltinFunctions.Size(target);
            case ValueKind.DateTime or ValueKind.DateTimeOffset when DateMember(name) is { } property:
                return new BoundExpression(targetCode + access + property, BoundType.Long.WithNull(target.Type.CanBeNull));
        }

        var candidates = target.Type.Shape?.Members.Select(m => m.ScriptName) ?? Enumerable.Empty<string>();
        _report(DiagnosticDescriptors.UnknownMember, member.Member, new[]
        {
            name,
            "'" + member.Target + "' (" + target.Type.Describe().Replace("of type ", string.Empty) + ")",
            NameSuggestion.DidYouMean(name, candidates),
        });
        return Error();
    }

    private bool IsBound(string name) => _scopes.Any(s => s.ContainsKey(name)) || FindMember(_model, name) is not null;

    private static string? DateMember(string name) => name switch
    {
        "year" => "Year",
        "month" => "Month",
        "day" => "Day",
        "hour" => "Hour",
        "minute" => "Minute",
        "second" => "Second",
        "millisecond" => "Millisecond",
        "day_of_year" => "DayOfYear",
        _ => null,
    };

    private BoundExpression BindLoopMember(ScriptMemberExpression member, string name)
    {
        if (_loops.Count == 0)
        {
            return Unsupported(member, "'for." + name + "' outside a loop", string.Empty);
        }

        var loop = _loops[_loops.Count - 1];
        switch (name)
        {
            case "index":
                return new BoundExpression(loop.Index, BoundType.Long);
            case "first":
                return new BoundExpression("(" + loop.Index + " == 0)", BoundType.Boolean);
            case "last":
                return new BoundExpression(loop.Last, BoundType.Boolean);
            case "even":
                return new BoundExpression("(" + loop.Index + " % 2 == 0)", BoundType.Boolean);
            case "odd":
                return new BoundExpression("(" + loop.Index + " % 2 == 1)", BoundType.Boolean);
            case "length":
                return new BoundExpression(loop.Length ??= NewName("__length"), BoundType.Long);
            case "rindex":
                return new BoundExpression("(" + (loop.Length ??= NewName("__length")) + " - " + loop.Index + " - 1)", BoundType.Long);
            case "changed":
                return new BoundExpression(loop.Changed ??= NewName("__changed"), BoundType.Boolean);
            default:
                var hint = NameSuggestion.DidYouMean(name, LoopMembers);
                return Unsupported(member, "'for." + name + "'", hint.Length > 0 ? hint : "; use for.index, for.rindex, for.first, for.last, for.even, for.odd, for.length or for.changed");
        }
    }

    private BoundExpression BindPipe(ScriptPipeCall pipe)
    {
        var from = Bind(pipe.From);
        return pipe.To switch
        {
            ScriptFunctionCall call => BindCall(call, (from, pipe.From)),
            ScriptMemberExpression { Target: ScriptVariableGlobal target } member =>
                BindFunction(member, target.Name + "." + member.Member!.Name, new List<BoundExpression> { from }, new List<ScriptNode?> { pipe.From }),
            ScriptVariableGlobal name => BindFunction(name, name.Name, new List<BoundExpression> { from }, new List<ScriptNode?> { pipe.From }),
            ScriptBinaryExpression { Operator: ScriptBinaryOperator.Subtract, Left: ScriptMemberExpression or ScriptVariableGlobal } subtraction =>
                Unsupported(pipe.To, $"Subtracting from the function '{subtraction.Left}'", $"; Scriban reads a '-' after a function name as a minus: write a negative argument in parentheses, {subtraction.Left} (-{subtraction.Right})"),
            _ => Unsupported(pipe.To, "This pipe target", "; pipe into a function such as string.upcase"),
        };
    }

    private BoundExpression BindCall(ScriptFunctionCall call, (BoundExpression Value, ScriptNode? Node)? piped)
    {
        string name;
        switch (call.Target)
        {
            case ScriptMemberExpression { Target: ScriptVariableGlobal target } member:
                name = target.Name + "." + member.Member!.Name;
                break;
            case ScriptVariableGlobal global:
                name = global.Name;
                break;
            default:
                return Unsupported(call.Target, "Calling " + Describe(call.Target), string.Empty);
        }

        if (name == "include")
        {
            return Unsupported(call, "An include with a computed name or inside an expression", "; write {{ include 'partial_name' }} on its own");
        }

        var args = new List<BoundExpression>();
        var nodes = new List<ScriptNode?>();
        if (piped is { } p)
        {
            args.Add(p.Value);
            nodes.Add(p.Node);
        }

        foreach (var argument in call.Arguments)
        {
            if (argument is ScriptNamedArgument)
            {
                return Unsupported(argument, "A named argument", string.Empty);
            }

            args.Add(Bind(argument));
            nodes.Add(argument);
        }

        return BindFunction(call.Target, name, args, nodes);
    }

    private BoundExpression BindFunction(ScriptNode? at, string name, List<BoundExpression> args, List<ScriptNode?> nodes)
    {
        if (!BuiltinFunctions.TryGet(name, out var function))
        {
            _report(DiagnosticDescriptors.UnknownFunction, at, new[] { name, NameSuggestion.DidYouMean(name, BuiltinFunctions.Names) });
            return Error();
        }

        if (args.Count < function.MinArguments || args.Count > function.MaxArguments)
        {
            var expected = function.MinArguments == function.MaxArguments
                ? Plural(function.MinArguments)
                : $"{function.MinArguments} to {Plural(function.MaxArguments)}";
            _report(DiagnosticDescriptors.WrongArgumentCount, at, new[] { name, expected + " (a piped value counts as the first)", args.Count.ToString(CultureInfo.InvariantCulture) + (args.Count == 1 ? " was" : " were") });
            return Error();
        }

        if (args.Any(a => a.Code == "default!"))
        {
            return Error();
        }

        return function.Bind(this, at, args, nodes);
    }

    private static string Plural(int count) => count == 1 ? "1 argument" : count.ToString(CultureInfo.InvariantCulture) + " arguments";

    internal void Report(DiagnosticDescriptor descriptor, ScriptNode? at, params string[] args) => _report(descriptor, at, args);

    /// <summary>C# code for the value as text, formatted like Scriban, null for null.</summary>
    public string Text(BoundExpression value, ScriptNode? at)
    {
        switch (value.Type.Kind)
        {
            case ValueKind.String:
                return value.Code;
            case ValueKind.Null:
                return "(string?)null";
            case ValueKind.Boolean:
                return $"__out.Format((bool?)({value.Code}))";
            case ValueKind.Integer when value.Type.CSharpName == "ulong":
                return $"__out.Format((ulong?)({value.Code}))";
            case ValueKind.Integer:
                return $"__out.Format((long?)({value.Code}))";
            case ValueKind.Decimal:
                return $"__out.Format((decimal?)({value.Code}))";
            case ValueKind.Double:
                return $"__out.Format((double?)({value.Code}))";
            case ValueKind.DateTime:
                return $"__out.Format((global::System.DateTime?)({value.Code}))";
            case ValueKind.DateTimeOffset:
                return $"__out.Format((global::System.DateTimeOffset?)({value.Code}))";
            case ValueKind.Enum:
            case ValueKind.Other:
                return $"__out.FormatObject({value.Code})";
            default:
                _report(DiagnosticDescriptors.UnsupportedConstruct, at, new[]
                {
                    "Writing " + (value.Type.Kind == ValueKind.Enumerable ? "a whole collection" : "a whole object") + $" ('{at}')",
                    "; write one of its members, or loop over it",
                });
                return "(string?)null";
        }
    }

    /// <summary>C# Boolean code for Scriban truthiness: only null and false are false.</summary>
    public string Truthy(BoundExpression value)
    {
        var type = value.Type;
        if (type.Kind == ValueKind.Boolean)
        {
            return type.CanBeNull ? $"({value.Code} == true)" : value.Code;
        }

        if (type.Kind == ValueKind.Null)
        {
            return $"!{Runtime}.HasValue<object>(null)";
        }

        return type.CanBeNull || !type.IsValueType
            ? $"({value.Code} != null)"
            : $"{Runtime}.HasValue({value.Code})";
    }

    private static bool Simple(string code)
    {
        foreach (var c in code)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '?' or '@'))
            {
                return false;
            }
        }

        return true;
    }
}
