namespace Mailing;

/// <summary>A completed message after the interceptors: what to send, or why not.</summary>
internal readonly record struct PreparedMessage(EmailMessage Message, string? VetoReason);
