using System;
using System.Collections.Generic;
using System.Linq;
using Mailing.Generators.Binding;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Mailing.Generators.Parsing;
using Scriban.Syntax;

namespace Mailing.Generators.Emitting;

/// <summary>
/// Turns one parsed template into the straight-line C# body of a render method: constant text
/// becomes <c>__out.Literal</c>, values <c>__out.Value</c> (escaped in HTML), and Scriban's
/// statements become C# control flow.
/// </summary>
internal sealed class TemplateEmitter
{
    // Not the literal true: constant conditions would make C# warn about unreachable code.
    private const string AlwaysTrue = "global::Mailing.Templates.TemplateFunctions.HasValue<object>(string.Empty)";
    private readonly ExpressionBinder _binder;
    private CodeWriter _body;
    private readonly System.Text.StringBuilder _literal = new();
    private readonly HashSet<int> _spliceStarts = new();
    private readonly HashSet<int> _spliceEnds = new();
    private readonly Stack<(string Base, string Indent, string? Restore)> _splices = new();

    // The indentation in force at run time, known statically: the innermost statement's, on top of
    // the indentation of the includes around it (_base).
    private string _indent = string.Empty;
    private string _base = string.Empty;

    private TemplateEmitter(ExpressionBinder binder, int indent)
    {
        _binder = binder;
        _body = new CodeWriter(indent);
    }

    /// <summary>Emits the statements of <paramref name="page"/>; variables are declared before them.</summary>
    public static string Emit(ScriptPage page, ExpressionBinder binder, int indent, EquatableArray<SpliceRegion> splices = default)
    {
        var emitter = new TemplateEmitter(binder, indent);
        foreach (var splice in splices)
        {
            emitter._spliceStarts.Add(splice.Start);
            emitter._spliceEnds.Add(splice.End);
        }

        emitter.Block(page.Body);
        var method = new CodeWriter(indent);
        foreach (var variable in binder.Globals)
        {
            method.Line($"{variable.Type.NullableDeclaration} {variable.CodeName} = null;");
        }

        method.Append(emitter._body);
        return method.ToString();
    }

    private void Block(ScriptBlockStatement? block)
    {
        if (block is null)
        {
            return;
        }

        // Scriban's auto-indent: a `{{` that stands after whitespace at the start of its line sets
        // the indentation for the statements of its code block; raw text follows the enclosing
        // statement's. The indentation in force is known here, so only changes are emitted.
        string? enterIndent = null;
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case ScriptEscapeStatement { IsEntering: true } enter when _spliceEnds.Contains(enter.Span.Start.Offset) && _splices.Count > 0:
                    EndSplice();
                    enterIndent = null;
                    continue;
                case ScriptEscapeStatement { IsEntering: true } enter:
                    enterIndent = enter.Indent ?? string.Empty;
                    continue;
                case ScriptEscapeStatement { IsClosing: true } close when _spliceStarts.Contains(close.Span.End.Offset + 1):
                    BeginSplice(enterIndent);
                    enterIndent = null;
                    continue;
                case ScriptEscapeStatement { IsClosing: true }:
                    enterIndent = null;
                    continue;
                case ScriptRawStatement or ScriptEscapeStatement or ScriptEndStatement or ScriptNopStatement or null:
                    Statement(statement);
                    continue;
            }

            var indent = enterIndent is null ? _indent : _base + enterIndent;
            if (indent == _indent || (statement is ScriptExpressionStatement { Expression: ScriptAssignExpression }))
            {
                Statement(statement);
                continue;
            }

            FlushLiteral();
            var previous = _binder.NewName("__indent");
            var outer = _indent;
            _body.Line($"var {previous} = __out.SetIndent({CSharpLiteral.String(indent)});");
            _indent = indent;
            var isBlock = statement is not ScriptExpressionStatement;
            if (isBlock)
            {
                _body.Open("try");
            }

            Statement(statement);
            FlushLiteral();
            if (isBlock)
            {
                _body.Close();
                _body.Open("finally");
            }

            _body.Line($"__out.RestoreIndent({previous});");
            if (isBlock)
            {
                _body.Close();
            }

            _indent = outer;
        }

        FlushLiteral();
    }

    private void Statement(ScriptStatement? statement)
    {
        if (statement is not (ScriptRawStatement or ScriptEscapeStatement or ScriptEndStatement or ScriptNopStatement))
        {
            FlushLiteral();
        }

        switch (statement)
        {
            case ScriptRawStatement raw:
                _literal.Append(raw.Text.ToString());
                break;
            case ScriptEscapeStatement:
            case ScriptEndStatement:
            case ScriptNopStatement:
                break;
            case ScriptBlockStatement block:
                Block(block);
                break;
            case ScriptExpressionStatement { Expression: ScriptAssignExpression assign }:
                Assign(assign);
                break;
            case ScriptExpressionStatement expression:
                Output(expression.Expression);
                break;
            case ScriptIfStatement ifStatement:
                If(ifStatement, isElseIf: false);
                break;
            case ScriptForStatement forStatement when forStatement.GetType() == typeof(ScriptForStatement):
                For(forStatement);
                break;
            case ScriptCaseStatement caseStatement:
                Case(caseStatement);
                break;
            case ScriptCaptureStatement capture:
                Capture(capture);
                break;
            case ScriptBreakStatement when _binder.InLoop:
                _body.Line("break;");
                break;
            case ScriptContinueStatement when _binder.InLoop:
                _body.Line("continue;");
                break;
            default:
                _binder.Unsupported(statement, ExpressionBinder.Describe(statement), string.Empty);
                break;
        }
    }

    /// <summary>
    /// A spliced partial or layout body is written as the include statement's value: its own lines
    /// indented by the include's indentation, on top of which its statements indent their own.
    /// </summary>
    private void BeginSplice(string? includeIndent)
    {
        var spliceIndent = includeIndent is null ? _indent : _base + includeIndent;
        string? restore = null;
        if (spliceIndent != _indent)
        {
            FlushLiteral();
            restore = _binder.NewName("__indent");
            _body.Line($"var {restore} = __out.SetIndent({CSharpLiteral.String(spliceIndent)});");
        }

        _splices.Push((_base, _indent, restore));
        _base = spliceIndent;
        _indent = spliceIndent;
    }

    private void EndSplice()
    {
        var (outerBase, outerIndent, restore) = _splices.Pop();
        if (restore is not null)
        {
            FlushLiteral();
            _body.Line($"__out.RestoreIndent({restore});");
        }

        _base = outerBase;
        _indent = outerIndent;
    }

    private static string Comment(string code) => "// " + code.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Writes adjacent text (split by comments, whitespace control or spliced partials) as one constant.</summary>
    private void FlushLiteral()
    {
        if (_literal.Length > 0)
        {
            _body.Line($"__out.Literal({CSharpLiteral.String(_literal.ToString())});");
            _literal.Clear();
        }
    }

    private void Output(ScriptExpression? expression)
    {
        var value = _binder.Bind(expression);
        if (value.Type.Kind == ValueKind.Null)
        {
            return;
        }

        var text = _binder.Text(value, expression);
        _body.Line(value.IsMarkup ? $"__out.Raw({text});" : $"__out.Value({text});");
    }

    private void Assign(ScriptAssignExpression assign)
    {
        if (assign.Target is not ScriptVariable { Name: var name })
        {
            _binder.Unsupported(assign.Target, "Assigning to " + assign.Target?.ToString(), "; assign to a plain name (x = ...)");
            return;
        }

        var value = _binder.Bind(assign.Value);
        if (value.Code == "default!")
        {
            return;
        }

        var variable = _binder.DeclareGlobal(name, value, assign);
        if (variable is not null)
        {
            _body.Line(_binder.AssignCode(variable, value));
        }
    }

    private void If(ScriptIfStatement statement, bool isElseIf)
    {
        var condition = _binder.Truthy(_binder.Bind(statement.Condition));
        _body.Open((isElseIf ? "else if (" : "if (") + condition + ")");
        Block(statement.Then);
        _body.Close();
        switch (statement.Else)
        {
            case ScriptIfStatement elseIf:
                If(elseIf, isElseIf: true);
                break;
            case ScriptElseStatement otherwise:
                _body.Open("else");
                Block(otherwise.Body);
                _body.Close();
                break;
        }
    }

    private void For(ScriptForStatement statement)
    {

        if (statement.Variable is not ScriptVariable { Name: var name })
        {
            _binder.Unsupported(statement.Variable, "This loop variable", string.Empty);
            return;
        }

        var items = _binder.Bind(statement.Iterator);
        if (items.Code == "default!")
        {
            return;
        }

        if (items.Type.Kind != ValueKind.Enumerable || items.Type.Shape?.ElementTypeName is not { } elementName)
        {
            _binder.Report(DiagnosticDescriptors.NotEnumerable, statement.Iterator, statement.Iterator?.ToString() ?? string.Empty, items.Type.Describe());
            return;
        }

        var sequence = _binder.NewName("__items");
        var enumerator = _binder.NewName("__enumerator");
        var index = _binder.NewName("__index");
        var last = _binder.NewName("__last");
        var empty = _binder.NewName("__empty");
        var variable = new TemplateVariable(name, ExpressionBinder.CodeName(name) + _binder.NewName("_"), _binder.TypeOf(elementName, items.Type.Shape.ElementIsNullable), isMarkup: false);
        var hasElse = statement.Else is not null;

        _body.Open(Comment("for " + name + " in " + statement.Iterator));
        // Through IEnumerable<T>: arrays' own GetEnumerator is the non-generic, non-disposable one.
        var element = variable.Type.CSharpName + (variable.Type.CanBeNull ? "?" : string.Empty);
        var source = $"(global::System.Collections.Generic.IEnumerable<{element}>?)({items.Code})";
        if (statement.NamedArguments is { Count: > 0 } named)
        {
            if (LoopSlice(named) is not { } slice)
            {
                return;
            }

            source = $"global::Mailing.Templates.TemplateFunctions.Slice<{element}>({source}, {slice.Offset}, {slice.Limit}, {slice.Reversed})";
        }

        // The body first: only once it is bound is it known whether it reads for.length, for.rindex
        // or for.changed, which the loop then has to count or remember items for.
        var frame = new LoopFrame(index, last);
        var outer = _body;
        _body = new CodeWriter(outer.Indent + 4);
        _binder.PushLoop(frame, variable);
        Block(statement.Body);
        _binder.PopLoop();
        var loopBody = _body;
        _body = outer;

        if (frame.Length is not null)
        {
            source = $"global::Mailing.Templates.TemplateBuiltins.Buffer<{element}>({source})";
        }

        _body.Line($"var {sequence} = {source};");
        if (hasElse)
        {
            // Scriban runs a loop's else for an empty collection, not for a null one.
            _body.Line($"var {empty} = {sequence} != null;");
        }

        _body.Open($"if ({sequence} != null)");
        if (frame.Length is { } length)
        {
            _body.Line($"var {length} = (long){sequence}.Count;");
        }

        _body.Open($"using (var {enumerator} = {sequence}.GetEnumerator())");
        _body.Open($"if ({enumerator}.MoveNext())");
        if (hasElse)
        {
            _body.Line($"{empty} = false;");
        }

        _body.Line($"var {index} = -1L;");
        _body.Line($"var {last} = false;");
        var previous = frame.Changed is null ? null : _binder.NewName("__previous");
        if (previous is not null)
        {
            // Read only after the first item has replaced it.
            var initial = variable.Type.CanBeNull || variable.Type.IsValueType ? "default" : "default!";
            _body.Line($"{element} {previous} = {initial};");
        }

        _body.Open($"while (!{last})");
        _body.Line($"{index}++;");
        _body.Line($"var {variable.CodeName} = {enumerator}.Current;");
        _body.Line($"{last} = !{enumerator}.MoveNext();");
        if (previous is not null)
        {
            // Scriban compares with object.Equals: equal records and NaN after NaN count as unchanged.
            _body.Line($"var {frame.Changed} = {index} == 0 || !global::System.Collections.Generic.EqualityComparer<{element}>.Default.Equals({previous}, {variable.CodeName});");
            _body.Line($"{previous} = {variable.CodeName};");
        }

        _body.Append(loopBody);
        _body.Close();
        _body.Close();
        _body.Close();
        _body.Close();

        if (hasElse)
        {
            _body.Open($"if ({empty})");
            Block(statement.Else!.Body);
            _body.Close();
        }

        _body.Close();
    }

    /// <summary>Binds <c>offset:</c>, <c>limit:</c> and <c>reversed</c>; anything else is reported.</summary>
    private (string Offset, string Limit, string Reversed)? LoopSlice(IEnumerable<ScriptNamedArgument> arguments)
    {
        string offset = "0L", limit = "0L", reversed = "false";
        foreach (var argument in arguments)
        {
            var name = argument.Name?.Name;
            if (name == "reversed" && argument.Value is null)
            {
                reversed = "true";
                continue;
            }

            if (name is "offset" or "limit" && argument.Value is not null)
            {
                var value = _binder.Bind(argument.Value);
                if (value.Code == "default!")
                {
                    return null;
                }

                if (value.Type.Kind != ValueKind.Integer)
                {
                    _binder.Report(DiagnosticDescriptors.IncompatibleTypes, argument.Value, $"'{name}:' needs a whole number, but got a value {value.Type.Describe()}");
                    return null;
                }

                var code = $"(long)({value.Code}{(value.Type.CanBeNull ? " ?? 0" : string.Empty)})";
                if (name == "offset")
                {
                    offset = code;
                }
                else
                {
                    limit = code;
                }

                continue;
            }

            _binder.Unsupported(argument, "The loop parameter '" + argument + "'", "; use offset:, limit: or reversed, or filter the collection in C#");
            return null;
        }

        return (offset, limit, reversed);
    }

    private void Case(ScriptCaseStatement statement)
    {
        var value = _binder.Bind(statement.Value);
        if (value.Code == "default!")
        {
            return;
        }

        var name = _binder.NewName("__case");
        _body.Open(Comment("case " + statement.Value));
        _body.Line($"var {name} = {value.Code};");
        var subject = new BoundExpression(name, value.Type);
        ScriptConditionStatement? branch = statement.Body?.Statements.OfType<ScriptConditionStatement>().FirstOrDefault();

        // Every branch runs inside the first 'when', so under the indentation its own `{{` sets.
        var enter = statement.Body?.Statements.TakeWhile(s => s != branch).OfType<ScriptEscapeStatement>().LastOrDefault(e => e.IsEntering);
        var outer = _indent;
        var indent = enter is null ? _indent : _base + (enter.Indent ?? string.Empty);
        string? previous = null;
        if (indent != _indent)
        {
            previous = _binder.NewName("__indent");
            _body.Line($"var {previous} = __out.SetIndent({CSharpLiteral.String(indent)});");
            _body.Open("try");
            _indent = indent;
        }

        var first = true;
        while (branch is not null)
        {
            switch (branch)
            {
                case ScriptWhenStatement whenBranch:
                    var tests = new List<string>();
                    foreach (var candidate in whenBranch.Values)
                    {
                        var bound = _binder.Bind(candidate);
                        if (bound.Code != "default!" && _binder.CaseEquality(candidate, subject, bound) is { } test)
                        {
                            tests.Add(test);
                        }
                    }

                    _body.Open((first ? "if (" : "else if (") + (tests.Count == 0 ? "!" + AlwaysTrue : string.Join(" || ", tests)) + ")");
                    Block(whenBranch.Body);
                    _body.Close();
                    branch = whenBranch.Next;
                    break;
                case ScriptElseStatement otherwise:
                    _body.Open(first ? "if (" + AlwaysTrue + ")" : "else");
                    Block(otherwise.Body);
                    _body.Close();
                    branch = null;
                    break;
                default:
                    branch = null;
                    break;
            }

            first = false;
        }

        if (previous is not null)
        {
            _body.Close();
            _body.Open("finally");
            _body.Line($"__out.RestoreIndent({previous});");
            _body.Close();
            _indent = outer;
        }

        _body.Close();
    }

    private void Capture(ScriptCaptureStatement statement)
    {
        if (statement.Target is not ScriptVariable { Name: var name })
        {
            _binder.Unsupported(statement.Target, "Capturing into " + statement.Target?.ToString(), "; capture into a plain name");
            return;
        }

        var captured = new BoundExpression("__out.EndCapture()", BoundType.String, IsMarkup: _binder.IsHtml);
        var variable = _binder.DeclareGlobal(name, captured, statement);
        _body.Line("__out.BeginCapture();");
        Block(statement.Body);
        _body.Line(variable is null ? "__out.EndCapture();" : _binder.AssignCode(variable, captured));
    }
}
