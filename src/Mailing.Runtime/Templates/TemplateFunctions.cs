using System.Collections;
using System.ComponentModel;
using System.Globalization;

namespace Mailing.Templates;

/// <summary>
/// The Scriban built-in functions templates may call (<c>string.*</c>, <c>array.*</c>,
/// <c>object.default</c>), with Scriban's behaviour for <see langword="null"/> and edge cases.
/// </summary>
/// <remarks>Used by code the Mailing source generator emits; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateFunctions
{
    /// <summary>Scriban truthiness of a value that is not a Boolean: anything but null is true.</summary>
    /// <remarks>A method rather than a constant so generated <c>if</c>s never contain unreachable code.</remarks>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Whether <paramref name="value"/> is not null.</returns>
    public static bool HasValue<T>(T value) => value is not null;

    /// <summary>A subject on one line: line breaks (which would break the header) become single spaces.</summary>
    /// <param name="text">The rendered subject.</param>
    /// <returns>The subject without CR or LF, trimmed.</returns>
    public static string SingleLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return text.Trim();
        }

        var parts = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts);
    }

    /// <summary><c>string.upcase</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text in upper case (invariant).</returns>
    public static string? Upcase(string? text) => text?.ToUpperInvariant();

    /// <summary><c>string.downcase</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text in lower case (invariant).</returns>
    public static string? Downcase(string? text) => text?.ToLowerInvariant();

    /// <summary><c>string.capitalize</c>: the first character in upper case.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The capitalized text.</returns>
    public static string? Capitalize(string? text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary><c>string.truncate</c>: at most <paramref name="length"/> characters, ellipsis included.</summary>
    /// <param name="text">The text.</param>
    /// <param name="length">The largest length of the result.</param>
    /// <param name="ellipsis">Appended when the text is cut.</param>
    /// <returns>The text, cut if it was too long.</returns>
    public static string? Truncate(string? text, long length, string? ellipsis = "...")
    {
        ellipsis ??= string.Empty;
        if (text is null || text.Length <= length)
        {
            return text;
        }

        var keep = Math.Max(0, (int)Math.Min(length, int.MaxValue) - ellipsis.Length);
        return text[..keep] + ellipsis;
    }

    /// <summary><c>string.replace</c>: every occurrence, ordinal.</summary>
    /// <param name="text">The text.</param>
    /// <param name="match">What to replace.</param>
    /// <param name="replacement">What to put instead.</param>
    /// <returns>The text with replacements.</returns>
    public static string? Replace(string? text, string? match, string? replacement) =>
        text is null || string.IsNullOrEmpty(match) ? text : text.Replace(match, replacement ?? string.Empty, StringComparison.Ordinal);

    /// <summary><c>string.strip</c>: without leading and trailing white space.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The trimmed text.</returns>
    public static string? Strip(string? text) => text?.Trim();

    /// <summary><c>string.size</c>: the number of characters, 0 for <see langword="null"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The length.</returns>
    public static long Size(string? text) => text?.Length ?? 0;

    /// <summary><c>array.size</c>: the number of items, 0 for <see langword="null"/>.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The count.</returns>
    public static long Size(IEnumerable? items)
    {
        switch (items)
        {
            case null: return 0;
            case ICollection collection: return collection.Count;
            default:
                var count = 0L;
                foreach (var unused in items)
                {
                    count++;
                }

                return count;
        }
    }

    /// <summary><c>array.first</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The first item, or the default when there is none.</returns>
    public static T? First<T>(IEnumerable<T>? items)
    {
        if (items is null)
        {
            return default;
        }

        foreach (var item in items)
        {
            return item;
        }

        return default;
    }

    /// <summary><c>array.last</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The last item, or the default when there is none.</returns>
    public static T? Last<T>(IEnumerable<T>? items)
    {
        if (items is null)
        {
            return default;
        }

        if (items is IReadOnlyList<T> list)
        {
            return list.Count == 0 ? default : list[^1];
        }

        var last = default(T);
        foreach (var item in items)
        {
            last = item;
        }

        return last;
    }

    /// <summary>
    /// The items a <c>for</c> loop visits with <c>offset:</c>, <c>reversed</c> and <c>limit:</c>, in
    /// Scriban's order: skip <paramref name="offset"/>, then reverse, then take <paramref name="limit"/>
    /// (0 or less means no limit).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The collection; null stays null.</param>
    /// <param name="offset">How many items to skip.</param>
    /// <param name="limit">How many items to visit at most.</param>
    /// <param name="reversed">Whether to visit the items last to first.</param>
    /// <returns>The items to visit.</returns>
    public static IEnumerable<T>? Slice<T>(IEnumerable<T>? items, long offset, long limit, bool reversed)
    {
        if (items is null)
        {
            return null;
        }

        var result = offset > 0 ? items.Skip((int)Math.Min(offset, int.MaxValue)) : items;
        if (reversed)
        {
            result = result.Reverse();
        }

        return limit > 0 ? result.Take((int)Math.Min(limit, int.MaxValue)) : result;
    }

    /// <summary><c>object.default</c> on text: <paramref name="fallback"/> when the value is null or empty.</summary>
    /// <param name="value">The value.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The value or the default.</returns>
    public static string? Default(string? value, string? fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    /// <summary>Integer range of a <c>for</c> loop (<c>1..3</c>, <c>1..&lt;3</c>), ascending or descending like Scriban's.</summary>
    /// <param name="from">The first value.</param>
    /// <param name="to">The bound.</param>
    /// <param name="inclusive">Whether <paramref name="to"/> itself is part of the range.</param>
    /// <returns>The values.</returns>
    public static IEnumerable<long> Range(long from, long to, bool inclusive)
    {
        if (from <= to)
        {
            for (var i = from; inclusive ? i <= to : i < to; i++)
            {
                yield return i;
            }
        }
        else
        {
            for (var i = from; inclusive ? i >= to : i > to; i--)
            {
                yield return i;
            }
        }
    }
}
