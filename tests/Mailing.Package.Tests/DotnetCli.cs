using System.Diagnostics;
using System.Text;

namespace Mailing.Package.Tests;

/// <summary>
/// Runs the real <c>dotnet</c> CLI with its own NuGet package folder, so a package cached by an
/// earlier run (same id and version, older contents) can never stand in for the one just packed.
/// </summary>
internal sealed class DotnetCli(string packagesFolder)
{
    // A hung restore must fail the run, not block it forever; this is a guard, not a measurement.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(8);

    public CommandResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string>(), arguments);

    public CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, environment, arguments);

    /// <summary>Runs <paramref name="program"/> (a published app, say) with the same environment rules as the CLI.</summary>
    public CommandResult RunProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside MSBuild-aware tooling; its MSBuild variables would point the
        // child build at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = packagesFolder;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Guard))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within {Guard}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult($"{program} {string.Join(' ', arguments)}", process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
