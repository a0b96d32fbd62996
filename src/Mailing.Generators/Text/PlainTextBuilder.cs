using System.Collections.Generic;
using System.Text;

namespace Mailing.Generators.Text;

/// <summary>
/// Writes a plain-text Scriban template: collapses HTML whitespace, keeps at most one blank line,
/// and copies template code through untouched.
/// </summary>
/// <remarks>
/// Line state is tracked across code without regard to it: a loop tag between two rows does not
/// count as content, so each rendered row starts on its own line and no blank line appears
/// between iterations.
/// </remarks>
internal sealed class PlainTextBuilder
{
    private readonly StringBuilder _text = new();
    private int _newlines = 2;
    private bool _pendingSpace;
    private bool _pendingSeparator;
    private bool _endsWithControlCode;
    private readonly Stack<int> _scopes = new();

    public int Length => _text.Length;

    public string Substring(int start) => _text.ToString(start, _text.Length - start);

    public void Text(string text)
    {
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u034F' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }

            Content(c.ToString());
        }
    }

    /// <summary>Code that writes a value: it is content, like text.</summary>
    public void OutputCode(string code) => Content(code);

    /// <summary>Code that loops or branches: written where it stands, but it is not content.</summary>
    public void ControlCode(string code, int scopeChange, bool switchesBranch)
    {
        FlushSpace();
        _text.Append(code);
        _endsWithControlCode = true;

        // Each branch starts where the `if` started, not where the previous branch ended.
        if (switchesBranch && _scopes.Count > 0)
        {
            _newlines = _scopes.Peek();
        }

        for (var i = scopeChange; i < 0 && _scopes.Count > 0; i++)
        {
            _scopes.Pop();
        }

        for (var i = 0; i < scopeChange; i++)
        {
            _scopes.Push(_newlines);
        }
    }

    /// <summary>
    /// Code that writes nothing (a comment, an assignment, the empty blocks left where a layout was
    /// spliced): kept before any pending line breaks, so it never holds blank lines at the end.
    /// </summary>
    public void SilentCode(string code)
    {
        var at = _text.Length;
        while (at > 0 && _text[at - 1] is '\n' or ' ')
        {
            at--;
        }

        _text.Insert(at, code);
    }

    /// <summary>Separates what follows by a space, unless a line starts there.</summary>
    public void Space() => _pendingSpace = true;

    /// <summary>
    /// Separates the next cell of a data-table row by <c>" | "</c>, unless nothing of the row is
    /// written yet (an empty first cell leaves no dangling bar).
    /// </summary>
    /// <remarks>
    /// A fixed separator, not html-to-text's padded columns: at build time cell widths depend on the
    /// data a loop renders, and most mail clients show text/plain in a proportional font, where
    /// padding does not line up anyway. A bar reads as a column boundary either way.
    /// </remarks>
    public void CellSeparator() => _pendingSeparator = true;

    public void LineBreak()
    {
        _pendingSpace = false;
        _pendingSeparator = false;
        if (_newlines == 0)
        {
            NewLine();
        }
    }

    public void BlankLine()
    {
        _pendingSpace = false;
        _pendingSeparator = false;

        while (_newlines < 2)
        {
            NewLine();
        }
    }

    /// <summary>A <c>&lt;br&gt;</c>: a new line even if one just started.</summary>
    public void HardBreak()
    {
        _pendingSpace = false;
        _pendingSeparator = false;
        if (_newlines < 2)
        {
            NewLine();
        }
    }

    public override string ToString()
    {
        var text = _text.ToString().Trim();

        // After a closing `{{ end }}` the line break is already inside the branch or loop body.
        return text.Length == 0 ? string.Empty : _endsWithControlCode && _newlines > 0 ? text : text + "\n";
    }

    private void Content(string text)
    {
        FlushSpace();
        _text.Append(text);
        _newlines = 0;
        _endsWithControlCode = false;
    }

    private void FlushSpace()
    {
        if (_pendingSeparator && _newlines == 0)
        {
            _text.Append(" | ");
        }
        else if (_pendingSpace && _newlines == 0)
        {
            _text.Append(' ');
        }

        _pendingSpace = false;
        _pendingSeparator = false;
    }

    private void NewLine()
    {
        var end = _text.Length;
        while (end > 0 && _text[end - 1] == ' ')
        {
            end--;
        }

        _text.Length = end;
        _text.Append('\n');
        _newlines++;
        _endsWithControlCode = false;
    }
}
