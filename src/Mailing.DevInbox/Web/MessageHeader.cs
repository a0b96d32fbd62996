namespace Mailing.DevInbox.Web;

/// <summary>One header line, in the order the message carries them.</summary>
internal sealed record MessageHeader(string Name, string Value);
