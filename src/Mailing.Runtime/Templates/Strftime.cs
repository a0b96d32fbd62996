using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Mailing.Templates;

/// <summary>The <c>%</c> date formats of Scriban's <c>date.to_string</c>, with culture-aware names.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Strftime
{
    /// <summary>Scriban's default <c>date.format</c>: <c>05 Mar 2024</c>.</summary>
    public const string DefaultFormat = "%d %b %Y";

    /// <summary>Formats <paramref name="value"/> with a Scriban <c>%</c> format.</summary>
    /// <param name="value">The date.</param>
    /// <param name="format">The format, e.g. <c>%Y-%m-%d</c>.</param>
    /// <param name="culture">Supplies month and day names.</param>
    /// <returns>The formatted date.</returns>
    public static string Format(DateTimeOffset value, string format, IFormatProvider culture) =>
        Format(value.DateTime, value.Offset, format, culture);

    /// <summary>Formats <paramref name="value"/> with a Scriban <c>%</c> format.</summary>
    /// <param name="value">The date.</param>
    /// <param name="format">The format, e.g. <c>%Y-%m-%d</c>.</param>
    /// <param name="culture">Supplies month and day names.</param>
    /// <returns>The formatted date.</returns>
    public static string Format(DateTime value, string format, IFormatProvider culture) =>
        Format(value, TimeSpan.Zero, format, culture);

    private static string Format(DateTime value, TimeSpan offset, string format, IFormatProvider culture)
    {
        ArgumentNullException.ThrowIfNull(format);
        var names = DateTimeFormatInfo.GetInstance(culture);
        var inv = CultureInfo.InvariantCulture;
        var builder = new StringBuilder(format.Length + 16);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                builder.Append(c);
                continue;
            }

            var code = format[++i];
            switch (code)
            {
                case 'a': builder.Append(names.GetAbbreviatedDayName(value.DayOfWeek)); break;
                case 'A': builder.Append(names.GetDayName(value.DayOfWeek)); break;
                case 'b': builder.Append(names.GetAbbreviatedMonthName(value.Month)); break;
                case 'B': builder.Append(names.GetMonthName(value.Month)); break;
                case 'd': builder.Append(value.Day.ToString("00", inv)); break;
                case 'e': builder.Append(value.Day.ToString(inv).PadLeft(2)); break;
                case 'H': builder.Append(value.Hour.ToString("00", inv)); break;
                case 'I': builder.Append(Hour12(value).ToString("00", inv)); break;
                case 'j': builder.Append(value.DayOfYear.ToString("000", inv)); break;
                case 'k': builder.Append(value.Hour.ToString(inv).PadLeft(2)); break;
                case 'l': builder.Append(Hour12(value).ToString(inv).PadLeft(2)); break;
                case 'L': builder.Append(value.Millisecond.ToString("000", inv)); break;
                case 'm': builder.Append(value.Month.ToString("00", inv)); break;
                case 'M': builder.Append(value.Minute.ToString("00", inv)); break;
                case 'p': builder.Append(value.Hour < 12 ? "AM" : "PM"); break;
                case 'S': builder.Append(value.Second.ToString("00", inv)); break;
                case 'y': builder.Append((value.Year % 100).ToString("00", inv)); break;
                case 'Y': builder.Append(value.Year.ToString(inv)); break;
                case 'Z': builder.Append(offset < TimeSpan.Zero ? '-' : '+').Append(offset.Duration().ToString(@"hh\:mm", inv)); break;
                case 'F': builder.Append(Format(value, offset, "%Y-%m-%d", culture)); break;
                case 'T': builder.Append(Format(value, offset, "%H:%M:%S", culture)); break;
                case 'D': builder.Append(value.ToString("MM/dd/yy", culture)); break; // '/' is the culture's date separator, as in Scriban
                case 'R': builder.Append(Format(value, offset, "%H:%M", culture)); break;
                case '%': builder.Append('%'); break;
                default: builder.Append('%').Append(code); break;
            }
        }

        return builder.ToString();
    }

    private static int Hour12(DateTime value) => value.Hour % 12 == 0 ? 12 : value.Hour % 12;
}
