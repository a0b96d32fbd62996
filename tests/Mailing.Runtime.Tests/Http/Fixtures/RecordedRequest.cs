using System.Text;
using System.Text.Json;

namespace Mailing.Tests.Http.Fixtures;

/// <summary>One request as the loopback server received it: method, path, query, headers and the raw body.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON; fails the test when it is not JSON.</summary>
    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>A header's value (names are case-insensitive), or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
