namespace Mailing.Transports.Smtp;

/// <summary>The message could not be serialized (its cause inside); nothing of it went to the server.</summary>
internal sealed class MessageWriteException(Exception inner) : Exception("The message could not be written.", inner);
