using System.Globalization;
using System.Text.Json;

namespace Mailing.Webhooks;

/// <summary>
/// Reads the fields of providers' event JSON the way providers write them: numbers sometimes as strings, strings
/// sometimes as numbers, fields missing. Never throws for a missing or oddly typed field; a provider that adds or
/// changes a field must not turn an event into a 500.
/// </summary>
internal static class JsonFields
{
    /// <summary>The property <paramref name="name"/> as text: a string, or a number's or boolean's JSON text; <see langword="null"/> when missing, null, an object or an array.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsText(value) : null;

    /// <summary>The property <paramref name="name"/> when it is an object.</summary>
    public static JsonElement? Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>The property <paramref name="name"/> as a whole number, written as a number or as a string.</summary>
    public static long? Integer(this JsonElement element, string name) =>
        element.Text(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The property <paramref name="name"/> as a boolean, when it is one.</summary>
    public static bool? Boolean(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    /// <summary>Seconds since 1970 (an integer or a fraction, as a number or a string) as a time.</summary>
    public static DateTimeOffset? UnixTime(this JsonElement element, string name) =>
        // decimal, not double: Mailgun's microseconds (1529006854.329574) need more digits than a double keeps.
        element.Text(name) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 253402300800m
            ? DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond))
            : null;

    /// <summary>An ISO 8601 time (with its offset), when the property holds one.</summary>
    public static DateTimeOffset? IsoTime(this JsonElement element, string name) =>
        element.Text(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>A string or an array of strings as a list (SendGrid's <c>category</c> is either).</summary>
    public static IReadOnlyList<string> Strings(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Select(AsText).OfType<string>().ToArray(),
            _ => [],
        };
    }

    /// <summary>An object's scalar members as text (metadata whose values a provider may have turned into numbers).</summary>
    public static Dictionary<string, string> Scalars(JsonElement? element)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element is { ValueKind: JsonValueKind.Object } members)
        {
            foreach (var member in members.EnumerateObject())
            {
                if (AsText(member.Value) is { } text)
                {
                    values[member.Name] = text;
                }
            }
        }

        return values;
    }

    /// <summary>Parses <paramref name="body"/> as JSON.</summary>
    /// <exception cref="WebhookPayloadException">It is not JSON; the message says where it breaks.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw new WebhookPayloadException(WebhookRejection.MalformedJson, $"the body is not JSON ({exception.Message})", exception);
        }
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
