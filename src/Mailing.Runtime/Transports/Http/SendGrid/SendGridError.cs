using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>One entry of SendGrid's <c>errors</c> array.</summary>
/// <param name="Message">What went wrong, in SendGrid's words.</param>
/// <param name="Field">The request field at fault, when there is one (sometimes the string <c>"null"</c>).</param>
/// <param name="Help">A link or an object with more detail; the reference types it as an object, responses often carry a URL string.</param>
internal sealed record SendGridError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("help")] JsonElement? Help);
