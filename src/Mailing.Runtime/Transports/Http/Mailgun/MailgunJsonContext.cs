using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Mailgun;

/// <summary>Source-generated JSON for Mailgun's answers: no reflection, so trimming and Native AOT keep working.</summary>
[JsonSerializable(typeof(MailgunResponse))]
internal sealed partial class MailgunJsonContext : JsonSerializerContext
{
}
