using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mailing.Generators.Diagnostics;
using Mailing.Generators.Model;
using Scriban.Syntax;

namespace Mailing.Generators.Parsing;

/// <summary>
/// Splices a layout (at <c>{{ content }}</c>) and <c>include</c>d partials into one template text at
/// build time. Each file is parsed on its own first so syntax errors point into that file; the
/// splice closes the code block around the include (<c>{{ include 'p' }}</c> becomes
/// <c>{{ }}…partial…{{ }}</c>), which keeps whitespace control and scope exactly as Scriban's include.
/// </summary>
internal sealed class TemplateComposer
{
    private const int MaxDepth = 16;
    private readonly AdditionalFileResolver _files;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly LocationInfo? _fallback;
    private readonly StringBuilder _text = new();
    private readonly SourceMap _map = new();
    private readonly List<SpliceRegion> _splices = new();
    private bool _failed;

    public TemplateComposer(AdditionalFileResolver files, List<DiagnosticInfo> diagnostics, LocationInfo? fallback)
    {
        _files = files;
        _diagnostics = diagnostics;
        _fallback = fallback;
    }

    /// <summary>Composes <paramref name="body"/>, wrapped in <paramref name="layout"/> when given.</summary>
    public ComposedTemplate? Compose(TemplateSource body, TemplateSource? layout)
    {
        if (layout is null)
        {
            Append(body, null, new List<string>());
        }
        else
        {
            Append(layout, body, new List<string>());
        }

        return _failed ? null : new ComposedTemplate(_text.ToString(), _map, _splices.ToEquatableArray());
    }

    private void Append(TemplateSource source, TemplateSource? contentBody, List<string> stack)
    {
        var template = TemplateParser.ParseSource(source, _diagnostics, _fallback);
        if (template is null)
        {
            _failed = true;
            return;
        }

        var splices = new List<(int Start, int End, ScriptNode Node, string? Partial)>();
        Collect(template.Page, contentBody is not null, splices);
        if (contentBody is not null && !splices.Any(s => s.Partial is null))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayoutWithoutContent, source.Locate(0, 0) ?? _fallback, source.DisplayName));
        }

        var position = 0;
        foreach (var splice in splices.OrderBy(s => s.Start))
        {
            Copy(source, position, splice.Start - position);
            _text.Append("}}");
            var start = _text.Length;
            if (splice.Partial is null)
            {
                Append(contentBody!, null, stack);
            }
            else
            {
                AppendPartial(source, splice.Partial, splice.Start, splice.End - splice.Start, stack);
            }

            _splices.Add(new SpliceRegion(start, _text.Length));
            _text.Append("{{");
            position = splice.End;
        }

        Copy(source, position, source.Text.Length - position);
    }

    private void AppendPartial(TemplateSource includer, string name, int start, int length, List<string> stack)
    {
        var file = _files.FindPartial(name, includer.FilePath, out var tried);
        var at = includer.Locate(start, length) ?? _fallback;
        if (file is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TemplateFileNotFound, at, "Partial", name, " (looked for " + string.Join(", ", tried) + ")"));
            _failed = true;
            return;
        }

        if (stack.Contains(file.Path) || stack.Count >= MaxDepth)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedConstruct, at, "An include cycle (" + string.Join(" -> ", stack.Concat(new[] { file.Path })) + ")", string.Empty));
            _failed = true;
            return;
        }

        stack.Add(file.Path);
        Append(TemplateSource.FromFile(file), null, stack);
        stack.RemoveAt(stack.Count - 1);
    }

    private void Copy(TemplateSource source, int start, int length)
    {
        if (length <= 0)
        {
            return;
        }

        _map.Add(_text.Length, length, source, start);
        _text.Append(source.Text, start, length);
    }

    private static void Collect(ScriptNode? node, bool isLayout, List<(int, int, ScriptNode, string?)> splices)
    {
        if (node is null)
        {
            return;
        }

        if (node is ScriptExpressionStatement statement)
        {
            if (statement.Expression is ScriptFunctionCall call
                && call.Target is ScriptVariableGlobal { Name: "include" }
                && call.Arguments.Count == 1
                && call.Arguments[0] is ScriptLiteral { Value: string name })
            {
                splices.Add((call.Span.Start.Offset, call.Span.End.Offset + 1, call, name));
                return;
            }

            if (isLayout && statement.Expression is ScriptVariableGlobal { Name: "content" } content)
            {
                splices.Add((content.Span.Start.Offset, content.Span.End.Offset + 1, content, null));
                return;
            }
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Collect(node.GetChildren(i), isLayout, splices);
        }
    }
}
