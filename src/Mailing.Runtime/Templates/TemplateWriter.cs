using System.ComponentModel;
using System.Globalization;

namespace Mailing.Templates;

/// <summary>
/// Output of generated template code: writes constant text as is, escapes values in HTML
/// templates, and formats numbers and dates with the render culture the way Scriban does.
/// </summary>
/// <remarks>Used by code the Mailing source generator emits; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TemplateWriter
{
    private readonly bool _escapeHtml;
    private readonly Stack<(TextWriter Writer, bool AtLineStart)> _captures = new();
    private TextWriter _writer;
    private string _indent = string.Empty;
    private bool _atLineStart;

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where the output goes.</param>
    /// <param name="culture">Numbers and dates are formatted with it; invariant when <see langword="null"/>.</param>
    /// <param name="escapeHtml">True for an HTML template: values are HTML-escaped unless written raw.</param>
    public TemplateWriter(TextWriter writer, IFormatProvider? culture, bool escapeHtml)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        Culture = culture ?? CultureInfo.InvariantCulture;
        _escapeHtml = escapeHtml;
    }

    /// <summary>The culture values are formatted with.</summary>
    public IFormatProvider Culture { get; }

    /// <summary>Writes template text, which is never escaped.</summary>
    /// <param name="text">Constant text from the template.</param>
    public void Literal(string text) => Write(text);

    /// <summary>
    /// Sets the indentation written after each line break from now on: Scriban's auto-indent of a
    /// statement that stands on its own line after whitespace.
    /// </summary>
    /// <param name="indent">The whitespace before the statement's <c>{{</c>, or empty for none.</param>
    /// <returns>The previous indentation, for <see cref="RestoreIndent"/>.</returns>
    public string SetIndent(string indent)
    {
        var previous = _indent;
        _indent = indent ?? string.Empty;
        return previous;
    }

    /// <summary>Restores the indentation <see cref="SetIndent"/> replaced.</summary>
    /// <param name="previous">What <see cref="SetIndent"/> returned.</param>
    public void RestoreIndent(string previous) => _indent = previous ?? string.Empty;

    /// <summary>Writes a value: HTML-escaped in an HTML template, as is in a text template.</summary>
    /// <param name="value">The value; nothing is written for <see langword="null"/>.</param>
    public void Value(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_escapeHtml && _indent.Length == 0)
        {
            TemplateHtml.Escape(_writer, value);
            _atLineStart = value[^1] == '\n';
        }
        else
        {
            Write(_escapeHtml ? TemplateHtml.Escape(value)! : value);
        }
    }

    /// <summary>Writes a value the template marked as raw: never escaped.</summary>
    /// <param name="value">The value; nothing is written for <see langword="null"/>.</param>
    public void Raw(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Write(value);
        }
    }

    /// <summary>Starts capturing output for a <c>capture</c> block.</summary>
    public void BeginCapture()
    {
        _captures.Push((_writer, _atLineStart));
        _writer = new StringWriter(CultureInfo.InvariantCulture);
        _atLineStart = false;
    }

    /// <summary>Ends the innermost <c>capture</c> block and returns what it wrote.</summary>
    /// <returns>The captured output.</returns>
    public string EndCapture()
    {
        var captured = _writer.ToString() ?? string.Empty;
        (_writer, _atLineStart) = _captures.Pop();
        return captured;
    }

    // Scriban indents lazily: the indentation goes before the next character written after a
    // line break, so a block's trailing line break is not followed by indentation.
    private void Write(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_indent.Length == 0)
        {
            _writer.Write(text);
            _atLineStart = text[^1] == '\n';
            return;
        }

        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            if (_atLineStart)
            {
                _writer.Write(_indent);
                _atLineStart = false;
            }

            var newline = rest.IndexOf('\n');
            var line = newline < 0 ? rest : rest[..(newline + 1)];
            _writer.Write(line);
            _atLineStart = newline >= 0;
            rest = rest[line.Length..];
        }
    }

    /// <summary>Formats a string value (identity).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? Format(string? value) => value;

    /// <summary>Formats a Boolean as Scriban does: <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Format(bool? value) => value is null ? null : value.Value ? "true" : "false";

    /// <summary>Formats an integer with the render culture.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Format(long? value) => value?.ToString(Culture);

    /// <summary>Formats an unsigned integer with the render culture.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Format(ulong? value) => value?.ToString(Culture);

    /// <summary>Formats a decimal with the render culture, keeping its scale (<c>2.50</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Format(decimal? value) => value?.ToString(Culture);

    /// <summary>Formats a floating-point number with the render culture (shortest round-trip form).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Format(double? value) => value?.ToString(Culture);

    /// <summary>Formats a date as Scriban's default <c>date.format</c>, <c>%d %b %Y</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Format(DateTime? value) => value is null ? null : Strftime.Format(value.Value, Strftime.DefaultFormat, Culture);

    /// <summary>Formats a date and offset as Scriban does: the culture's general format with the offset.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Format(DateTimeOffset? value) => value?.ToString(Culture);

    /// <summary>Formats any other value through <see cref="IFormattable"/> or <see cref="object.ToString"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? FormatObject(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, Culture),
        _ => value.ToString(),
    };
}
