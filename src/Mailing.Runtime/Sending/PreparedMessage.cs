namespace Mailing;

/// <summary>A completed message after the interceptors and the suppression check: what to send, or why not.</summary>
/// <param name="Message">The message to send, without suppressed recipients.</param>
/// <param name="VetoReason">Why nothing is sent, when an interceptor vetoed it or every recipient is suppressed.</param>
/// <param name="Withheld">The recipients the suppression list removed, reported in the result.</param>
internal readonly record struct PreparedMessage(EmailMessage Message, string? VetoReason, IReadOnlyList<RecipientRejection>? Withheld = null);
