using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>Compile-time JSON for Resend's request, response and error bodies: no reflection, trimming and Native AOT safe.</summary>
[JsonSerializable(typeof(ResendEmailRequest))]
[JsonSerializable(typeof(ResendEmailRequest[]))]
[JsonSerializable(typeof(ResendSendResponse))]
[JsonSerializable(typeof(ResendBatchResponse))]
[JsonSerializable(typeof(ResendErrorResponse))]
internal sealed partial class ResendJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The options the wire uses. Relaxed escaping keeps HTML's <c>&lt;</c> and <c>&gt;</c> and non-ASCII text as they are
    /// instead of six-byte <c>\uXXXX</c> escapes; the JSON is an HTTP body and never embedded in a page.
    /// </summary>
    public static ResendJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
