namespace Mailing.Analyzers.Json;

/// <summary>A name/value pair of a JSON object.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, JsonValue value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public JsonValue Value { get; }
}
