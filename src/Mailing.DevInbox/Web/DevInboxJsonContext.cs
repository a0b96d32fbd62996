using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailing.DevInbox.Web;

/// <summary>Source-generated JSON for the REST API: no reflection, trimming-safe.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MessageList))]
[JsonSerializable(typeof(MessageSummary))]
[JsonSerializable(typeof(MessageDetail))]
[JsonSerializable(typeof(IReadOnlyList<MessageLink>))]
[JsonSerializable(typeof(IReadOnlyList<MessageCheck>))]
[JsonSerializable(typeof(ChaosState))]
[JsonSerializable(typeof(PreviewList))]
[JsonSerializable(typeof(PreviewDetail))]
[JsonSerializable(typeof(PreviewSent))]
[JsonSerializable(typeof(PreviewSendRequest))]
internal sealed partial class DevInboxJsonContext : JsonSerializerContext;
