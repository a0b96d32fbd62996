namespace Mailing.Package.Tests;

/// <summary>The exit code and combined output of one <c>dotnet</c> command.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>For assertion messages: what ran and what it said.</summary>
    public override string ToString() => $"> {Command} (exit {ExitCode})\n{Output}";
}
