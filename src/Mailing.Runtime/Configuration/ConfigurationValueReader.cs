using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mailing;

/// <summary>
/// Reads typed values from configuration key by key, without reflection (trimming and Native AOT safe). A value that
/// does not parse is recorded with its key and what was expected, for start-up validation, instead of throwing.
/// </summary>
internal static class ConfigurationValueReader
{
    public delegate bool TryParse<T>(string text, out T value);

    /// <summary>Assigns <c>section[key]</c> parsed with <paramref name="parse"/>; absent keys leave the value alone.</summary>
    public static void Read<T>(IConfiguration section, string path, string key, string expected, TryParse<T> parse, Action<T> assign, List<string> errors)
    {
        var text = section[key];
        if (text is null)
        {
            return;
        }

        if (parse(text.Trim(), out var value))
        {
            assign(value);
        }
        else
        {
            errors.Add($"{path}:{key} is \"{text}\", which is not {expected}.");
        }
    }

    public static bool TryParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryParseBool(string text, out bool value) => bool.TryParse(text, out value);

    /// <summary>Configuration conventionally holds TimeSpan text (<c>00:00:30</c>); a bare number is taken as seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The values of a list key: array children (<c>Key:0</c>, <c>Key:1</c>) or one string separated by commas or semicolons.</summary>
    public static IReadOnlyList<string> ReadList(IConfiguration section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Value is { } single
            ? single.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : child.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();
        return values;
    }
}
