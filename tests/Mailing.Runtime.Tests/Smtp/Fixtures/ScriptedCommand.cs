namespace Mailing.Tests.Smtp.Fixtures;

/// <summary>One command a <see cref="ScriptedSmtpServer"/> received, with where in the conversation it came.</summary>
/// <param name="Session">1 for the first connection, 2 for the second, and so on.</param>
/// <param name="MessagesInSession">How many messages this connection had completed before this command.</param>
/// <param name="Verb">The upper-cased command verb; <c>END-OF-DATA</c> after the terminating dot of a message.</param>
/// <param name="Line">The full command line.</param>
internal sealed record ScriptedCommand(int Session, int MessagesInSession, string Verb, string Line);
