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
    private readonly Stack<TextWriter> _captures = new();
    private TextWriter _writer;

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
    public void Literal(string text) => _writer.Write(text);

    /// <summary>Writes a value: HTML-escaped in an HTML template, as is in a text template.</summary>
    /// <param name="value">The value; nothing is written for <see langword="null"/>.</param>
    public void Value(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_escapeHtml)
        {
            TemplateHtml.Escape(_writer, value);
        }
        else
        {
            _writer.Write(value);
        }
    }

    /// <summary>Writes a value the template marked as raw: never escaped.</summary>
    /// <param name="value">The value; nothing is written for <see langword="null"/>.</param>
    public void Raw(string? value) => _writer.Write(value);

    /// <summary>Starts capturing output for a <c>capture</c> block.</summary>
    public void BeginCapture()
    {
        _captures.Push(_writer);
        _writer = new StringWriter(CultureInfo.InvariantCulture);
    }

    /// <summary>Ends the innermost <c>capture</c> block and returns what it wrote.</summary>
    /// <returns>The captured output.</returns>
    public string EndCapture()
    {
        var captured = _writer.ToString() ?? string.Empty;
        _writer = _captures.Pop();
        return captured;
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
