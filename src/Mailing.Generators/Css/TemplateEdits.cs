using System;
using System.Collections.Generic;
using System.Text;

namespace Mailing.Generators.Css;

/// <summary>Replacements in a template text, applied together so offsets stay those of the original.</summary>
internal sealed class TemplateEdits
{
    private readonly string _text;
    private readonly List<(int Start, int Length, string Text, int Order)> _edits = new();

    public TemplateEdits(string text) => _text = text;

    public bool IsEmpty => _edits.Count == 0;

    public void Replace(int start, int length, string text) => _edits.Add((start, length, text, _edits.Count));

    public void Insert(int at, string text) => Replace(at, 0, text);

    public string Apply()
    {
        _edits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
        var result = new StringBuilder(_text.Length + 256);
        var position = 0;
        foreach (var edit in _edits)
        {
            if (edit.Start < position)
            {
                throw new InvalidOperationException($"Overlapping template edits at offset {edit.Start}.");
            }

            result.Append(_text, position, edit.Start - position).Append(edit.Text);
            position = edit.Start + edit.Length;
        }

        return result.Append(_text, position, _text.Length - position).ToString();
    }
}
