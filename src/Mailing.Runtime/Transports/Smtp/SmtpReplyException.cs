namespace Mailing.Transports.Smtp;

/// <summary>The server answered a command with a reply that ends it: a 4xx or 5xx, or a code the command cannot have.</summary>
/// <remarks>The message holds only the server's reply, never what was sent (an AUTH line carries credentials).</remarks>
internal sealed class SmtpReplyException(SmtpCommand command, SmtpReply reply, Exception? inner = null)
    : Exception($"The server answered {command} with {reply.Code} {reply.Text}", inner)
{
    public SmtpCommand Command { get; } = command;

    public int Code { get; } = reply.Code;

    public string Reply { get; } = reply.Text ?? "";
}
