using System;
using System.Collections.Generic;
using Scriban.Syntax;

namespace Mailing.Generators.Binding;

/// <summary>A Scriban built-in the generator compiles, with its arity and its C# translation.</summary>
internal sealed class BuiltinFunction
{
    public BuiltinFunction(int minArguments, int maxArguments, Func<ExpressionBinder, ScriptNode?, List<BoundExpression>, List<ScriptNode?>, BoundExpression> bind)
    {
        MinArguments = minArguments;
        MaxArguments = maxArguments;
        Bind = bind;
    }

    public int MinArguments { get; }

    public int MaxArguments { get; }

    public Func<ExpressionBinder, ScriptNode?, List<BoundExpression>, List<ScriptNode?>, BoundExpression> Bind { get; }
}
