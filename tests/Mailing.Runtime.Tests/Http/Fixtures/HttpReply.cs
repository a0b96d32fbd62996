namespace Mailing.Tests.Http.Fixtures;

/// <summary>How the loopback server answers one request.</summary>
internal sealed record HttpReply
{
    public int Status { get; init; } = 200;

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Waits this long before answering (a slow provider).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Reads the whole request, then drops the connection without answering (the outcome is unknown to the client).</summary>
    public bool DropConnection { get; init; }

    public static HttpReply Json(int status, string body, params (string Name, string Value)[] headers) =>
        new() { Status = status, Body = body, Headers = headers.ToDictionary(h => h.Name, h => h.Value) };

    public static HttpReply Drop() => new() { DropConnection = true };
}
