namespace Mailing;

/// <summary>The recipient marked the message as spam. The address goes on the suppression list.</summary>
public sealed record MailComplained : MailEvent;
