using MimeKit;

namespace Mailing.Package.Tests;

/// <summary>
/// A consumer project after <c>dotnet build</c> and, if asked and the build passed, <c>dotnet run</c>
/// with the messages the loopback SMTP server received meanwhile.
/// </summary>
internal sealed record BuiltConsumer(ConsumerProject Project, CommandResult Build, CommandResult? Run, IReadOnlyList<MimeMessage> Received);
