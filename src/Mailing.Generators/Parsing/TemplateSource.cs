using Mailing.Generators.Model;

namespace Mailing.Generators.Parsing;

/// <summary>One piece of template text and where it came from: a file, or a string literal in C#.</summary>
internal sealed class TemplateSource
{
    private int[]? _lineStarts;

    private TemplateSource(string? filePath, string text, TemplateReference? inline)
    {
        FilePath = filePath;
        Text = text;
        Inline = inline;
    }

    public string? FilePath { get; }

    public string Text { get; }

    public TemplateReference? Inline { get; }

    /// <summary>How the source is named in messages (file path or "inline template").</summary>
    public string DisplayName => FilePath ?? "inline template";

    /// <summary>
    /// The file a relative path written in this source is relative to: the template file, or for an
    /// inline template the C# file that holds it. Null when neither is known.
    /// </summary>
    public string? RelativePathBase => FilePath ?? Inline?.Location?.FilePath;

    public static TemplateSource FromFile(AdditionalFile file) => new(file.Path, file.Text, null);

    public static TemplateSource FromInline(TemplateReference reference) => new(null, reference.InlineText ?? string.Empty, reference);

    /// <summary>The location of <paramref name="length"/> characters at <paramref name="offset"/> in this source.</summary>
    public LocationInfo? Locate(int offset, int length)
    {
        offset = System.Math.Max(0, System.Math.Min(offset, Text.Length));
        length = System.Math.Max(0, System.Math.Min(length, Text.Length - offset));
        if (FilePath is not null)
        {
            var start = Position(offset);
            var end = Position(offset + length);
            return new LocationInfo(
                FilePath,
                new Microsoft.CodeAnalysis.Text.TextSpan(offset, length),
                new Microsoft.CodeAnalysis.Text.LinePositionSpan(start, end));
        }

        var literal = Inline?.Location;
        if (literal is null || Inline!.InlineTextOffset is not int textStart)
        {
            return literal;
        }

        // A regular string literal without escapes is one line whose characters map one to one.
        var line = literal.LineSpan.Start.Line;
        var column = literal.LineSpan.Start.Character + 1 + offset;
        return new LocationInfo(
            literal.FilePath,
            new Microsoft.CodeAnalysis.Text.TextSpan(textStart + offset, length),
            new Microsoft.CodeAnalysis.Text.LinePositionSpan(
                new Microsoft.CodeAnalysis.Text.LinePosition(line, column),
                new Microsoft.CodeAnalysis.Text.LinePosition(line, column + length)));
    }

    private Microsoft.CodeAnalysis.Text.LinePosition Position(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        var line = System.Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new Microsoft.CodeAnalysis.Text.LinePosition(line, offset - starts[line]);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new System.Collections.Generic.List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
