namespace Mailing.Package.Tests;

/// <summary>A consumer project after <c>dotnet build</c> and, if asked and the build passed, <c>dotnet run</c>.</summary>
internal sealed record BuiltConsumer(ConsumerProject Project, CommandResult Build, CommandResult? Run);
