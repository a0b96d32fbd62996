using System.Text;

namespace Mailing;

/// <summary>
/// Accumulates plain text the way a browser lays out inline content: runs of whitespace collapse to one
/// space, and line or paragraph breaks are deferred until the next text so none pile up at the ends.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _pendingInvisible = new();
    private int _pendingNewLines;
    private bool _pendingSpace;
    private bool _pendingSeparator;

    public void WriteText(string text, bool preserveWhitespace)
    {
        foreach (var raw in text)
        {
            var c = raw == '\u00A0' ? ' ' : raw;
            if (preserveWhitespace)
            {
                if (c == '\n')
                {
                    _text.Append('\n');
                    continue;
                }

                if (c == '\r')
                {
                    continue;
                }

                FlushBreaks();
                _text.Append(c);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                // Invisible characters with nothing visible around them are preheader padding
                // ("&zwnj;&nbsp;" repeated), not text.
                _pendingInvisible.Clear();
                _pendingSpace = true;
                continue;
            }

            if (IsInvisible(c))
            {
                // Kept only between visible characters, where they matter (emoji ZWJ sequences, Persian ZWNJ).
                _pendingInvisible.Append(c);
                continue;
            }

            FlushBreaks();
            if (_pendingInvisible.Length > 0)
            {
                if (_text.Length > 0 && _text[^1] is not ' ' and not '\n')
                {
                    _text.Append(_pendingInvisible);
                }

                _pendingInvisible.Clear();
            }

            _text.Append(c);
        }
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u034F';

    public void Space() => _pendingSpace = true;

    /// <summary>
    /// Joins the next cell of a data-table row with <c>" | "</c>, unless the row has nothing written
    /// yet; the same fixed separator as the text part derived at build time, where cell widths are
    /// unknown, so both parts read alike.
    /// </summary>
    public void CellSeparator() => _pendingSeparator = true;

    public void LineBreak() => _pendingNewLines = Math.Max(_pendingNewLines, 1);

    public void Paragraph() => _pendingNewLines = 2;

    public override string ToString() => _text.ToString().TrimEnd();

    private void FlushBreaks()
    {
        if (_text.Length == 0)
        {
            _pendingNewLines = 0;
            _pendingSpace = false;
            _pendingSeparator = false;
            return;
        }

        if (_pendingNewLines > 0)
        {
            TrimTrailingSpaces();
            var existing = CountTrailingNewLines();
            for (var i = existing; i < _pendingNewLines; i++)
            {
                _text.Append('\n');
            }
        }
        else if (_pendingSeparator && _text[^1] != '\n')
        {
            TrimTrailingSpaces();
            _text.Append(" | ");
        }
        else if (_pendingSpace && _text[^1] is not ' ' and not '\n')
        {
            _text.Append(' ');
        }

        _pendingNewLines = 0;
        _pendingSpace = false;
        _pendingSeparator = false;
    }

    private void TrimTrailingSpaces()
    {
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            _text.Length--;
        }
    }

    private int CountTrailingNewLines()
    {
        var count = 0;
        for (var i = _text.Length - 1; i >= 0 && _text[i] == '\n'; i--)
        {
            count++;
        }

        return count;
    }
}
