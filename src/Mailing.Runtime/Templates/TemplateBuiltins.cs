using System.ComponentModel;

namespace Mailing.Templates;

/// <summary>
/// Scriban's indexers (<c>items[0]</c>, <c>name[-1]</c>, <c>metadata["plan"]</c>) and the built-ins
/// whose null, bounds and comparison rules take more than one expression (<c>string.contains</c>,
/// <c>string.starts_with</c>, <c>string.ends_with</c>, <c>string.slice</c>, <c>string.slice1</c>),
/// with Scriban's behaviour for every edge case.
/// </summary>
/// <remarks>Used by code the Mailing source generator emits; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateBuiltins
{
    /// <summary><c>items[index]</c> on a list of references or nullable values.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The list; null gives null.</param>
    /// <param name="index">The position; negative counts from the end (<c>-1</c> is the last item).</param>
    /// <returns>The item, or the default when the position is before the start or, for lists, past the end.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> is null while <paramref name="items"/> is not.</exception>
    /// <exception cref="OverflowException"><paramref name="index"/> is outside the 32-bit range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="items"/> is an array and the position is past its end.</exception>
    public static T? Item<T>(IReadOnlyList<T>? items, long? index) =>
        items is null || Position(items, items.Count, index) is not (>= 0 and var i) ? default : items[i];

    /// <inheritdoc cref="Item{T}(IReadOnlyList{T}, long?)"/>
    public static T? Item<T>(IList<T>? items, long? index) =>
        items is null || Position(items, items.Count, index) is not (>= 0 and var i) ? default : items[i];

    /// <summary><c>items[index]</c> on a list of values that cannot be null themselves.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The list; null gives null.</param>
    /// <param name="index">The position; negative counts from the end.</param>
    /// <returns>The item, or null when there is none at that position.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> is null while <paramref name="items"/> is not.</exception>
    /// <exception cref="OverflowException"><paramref name="index"/> is outside the 32-bit range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="items"/> is an array and the position is past its end.</exception>
    public static T? NullableItem<T>(IReadOnlyList<T>? items, long? index)
        where T : struct =>
        items is null || Position(items, items.Count, index) is not (>= 0 and var i) ? null : items[i];

    /// <inheritdoc cref="NullableItem{T}(IReadOnlyList{T}, long?)"/>
    public static T? NullableItem<T>(IList<T>? items, long? index)
        where T : struct =>
        items is null || Position(items, items.Count, index) is not (>= 0 and var i) ? null : items[i];

    /// <summary><c>text[index]</c>: one character, as text.</summary>
    /// <param name="text">The text; null gives null.</param>
    /// <param name="index">The position; negative counts from the end.</param>
    /// <returns>The character, or null when the position is before the start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> is null while <paramref name="text"/> is not.</exception>
    /// <exception cref="OverflowException"><paramref name="index"/> is outside the 32-bit range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The position is past the end of the text.</exception>
    public static string? Character(string? text, long? index) =>
        text is null || Position(text, text.Length, index) is not (>= 0 and var i) ? null : text[i].ToString();

    /// <summary><c>metadata[key]</c> (or <c>metadata.key</c>) on a dictionary with text keys.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="values">The dictionary; null gives null.</param>
    /// <param name="key">The key, compared with the dictionary's own comparer.</param>
    /// <returns>The value, or the default when the key is missing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null while <paramref name="values"/> is not.</exception>
    public static T? Value<T>(IReadOnlyDictionary<string, T>? values, string? key) =>
        values is not null && values.TryGetValue(Key(key), out var value) ? value : default;

    /// <inheritdoc cref="Value{T}(IReadOnlyDictionary{string, T}, string?)"/>
    public static T? Value<T>(IDictionary<string, T>? values, string? key) =>
        values is not null && values.TryGetValue(Key(key), out var value) ? value : default;

    /// <summary><c>metadata[key]</c> on a dictionary of values that cannot be null themselves.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="values">The dictionary; null gives null.</param>
    /// <param name="key">The key, compared with the dictionary's own comparer.</param>
    /// <returns>The value, or null when the key is missing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null while <paramref name="values"/> is not.</exception>
    public static T? NullableValue<T>(IReadOnlyDictionary<string, T>? values, string? key)
        where T : struct =>
        values is not null && values.TryGetValue(Key(key), out var value) ? value : null;

    /// <inheritdoc cref="NullableValue{T}(IReadOnlyDictionary{string, T}, string?)"/>
    public static T? NullableValue<T>(IDictionary<string, T>? values, string? key)
        where T : struct =>
        values is not null && values.TryGetValue(Key(key), out var value) ? value : null;

    /// <summary>
    /// The items of a <c>for</c> loop that reads <c>for.length</c> or <c>for.rindex</c>: counted
    /// before the first item, so a lazy sequence is read once into a list.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; null stays null.</param>
    /// <returns>The same items, with a count.</returns>
    public static IReadOnlyCollection<T>? Buffer<T>(IEnumerable<T>? items) => items switch
    {
        null => null,
        IReadOnlyCollection<T> collection => collection,
        _ => new List<T>(items),
    };

    /// <summary><c>string.contains</c>: ordinal; false when either text is null or empty.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="value">The text to find.</param>
    /// <returns>Whether <paramref name="text"/> contains <paramref name="value"/>.</returns>
    public static bool Contains(string? text, string? value) =>
        !string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(value) && text.Contains(value, StringComparison.Ordinal);

    /// <summary>
    /// <c>string.starts_with</c>: false when either text is null or empty; otherwise a linguistic
    /// comparison in the current culture, as Scriban's <c>string.StartsWith(string)</c> call makes it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The expected start.</param>
    /// <returns>Whether <paramref name="text"/> starts with <paramref name="value"/>.</returns>
    public static bool StartsWith(string? text, string? value) =>
        !string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(value) && text.StartsWith(value, StringComparison.CurrentCulture);

    /// <summary><c>string.ends_with</c>: like <see cref="StartsWith"/>, at the end.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The expected end.</param>
    /// <returns>Whether <paramref name="text"/> ends with <paramref name="value"/>.</returns>
    public static bool EndsWith(string? text, string? value) =>
        !string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(value) && text.EndsWith(value, StringComparison.CurrentCulture);

    /// <summary>
    /// <c>string.slice text start [length]</c>: the characters from <paramref name="start"/>
    /// (negative counts from the end), all the rest when <paramref name="length"/> is null.
    /// </summary>
    /// <param name="text">The text; null or empty gives empty text.</param>
    /// <param name="start">The first character.</param>
    /// <param name="length">How many characters at most.</param>
    /// <returns>The slice.</returns>
    /// <exception cref="OverflowException">An argument is outside the 32-bit range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative (Scriban fails there too).</exception>
    public static string Slice(string? text, long start, long? length)
    {
        var from = checked((int)start);
        int? count = length is null ? null : checked((int)length.Value);
        if (string.IsNullOrEmpty(text) || from >= text.Length)
        {
            return string.Empty;
        }

        if (from < 0)
        {
            from += text.Length;
        }

        var take = count ?? text.Length;
        if (from < 0)
        {
            // Keeps the part of the requested range that falls inside the text.
            if (unchecked(from + take) <= 0)
            {
                return string.Empty;
            }

            take += from;
            from = 0;
        }

        return Substring(text, from, take);
    }

    /// <summary>
    /// <c>string.slice1 text start [length]</c>, Liquid's slice: one character unless
    /// <paramref name="length"/> says otherwise (a null length takes none).
    /// </summary>
    /// <param name="text">The text; null or empty gives empty text.</param>
    /// <param name="start">The first character (negative counts from the end).</param>
    /// <param name="length">How many characters at most.</param>
    /// <returns>The slice.</returns>
    /// <exception cref="OverflowException">An argument is outside the 32-bit range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The start is so far before the text that the length left is negative (Scriban fails there too).</exception>
    public static string Slice1(string? text, long start, long? length)
    {
        var from = checked((int)start);
        var take = checked((int)(length ?? 0));
        if (string.IsNullOrEmpty(text) || from > text.Length || take <= 0)
        {
            return string.Empty;
        }

        if (from < 0)
        {
            from += text.Length;
        }

        if (from < 0)
        {
            take += from;
            from = 0;
        }

        return Substring(text, from, take);
    }

    // Scriban clips the length with 32-bit arithmetic and lets Substring reject what is left
    // (a negative length); the same arithmetic keeps the same results and the same failures.
    private static string Substring(string text, int from, int take) =>
        text.Substring(from, unchecked(from + take) > text.Length ? text.Length - from : take);

    /// <summary>
    /// Scriban's list indexing: a 32-bit index, negative from the end, null before the start. Past
    /// the end a list gives null but an array or a string fails, because Scriban's list accessor checks
    /// the bounds and its array and string accessors do not.
    /// </summary>
    private static int Position(object items, int count, long? index)
    {
        if (index is null)
        {
            throw new ArgumentNullException(nameof(index), "A template indexed a collection with null.");
        }

        var position = checked((int)index.Value);
        if (position < 0)
        {
            position += count;
        }

        if (position >= count && items is Array or string)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A template read position {position} of {(items is string ? "a text" : "an array")} of length {count}.");
        }

        return position < count ? position : -1;
    }

    private static string Key(string? key) =>
        key ?? throw new ArgumentNullException(nameof(key), "A template looked up a dictionary with a null key.");
}
