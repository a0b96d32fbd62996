using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Postmark;

/// <summary>Source-generated JSON for Postmark's request and response shapes: no reflection, so trimming and Native AOT keep working.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PostmarkEmailRequest))]
[JsonSerializable(typeof(PostmarkEmailRequest[]))]
[JsonSerializable(typeof(PostmarkResponse))]
[JsonSerializable(typeof(PostmarkResponse[]))]
internal sealed partial class PostmarkJsonContext : JsonSerializerContext
{
}
