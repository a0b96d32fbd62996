using System.Text;

namespace Mailing.Generators.Emitting;

/// <summary>Writes indented C# lines.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter(int indent = 0) => _indent = indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(line).Append('\n');
    }

    public void Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Append(CodeWriter other) => _builder.Append(other._builder);

    /// <summary>Appends lines already indented for this position.</summary>
    public void Raw(string lines) => _builder.Append(lines);

    public int Indent => _indent;

    public override string ToString() => _builder.ToString();
}
