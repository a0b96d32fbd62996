using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mailing.Sample.Web.Tests;

/// <summary>
/// The web sample publishes trimmed (minimal APIs through the request-delegate generator, Mailing
/// without reflection, the embedded dev inbox included) without one trim warning.
/// </summary>
public sealed partial class TrimmedPublishTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(10);

    [Fact]
    public void Web_sample_publishes_trimmed_with_no_trim_warning_and_still_delivers_every_email()
    {
        var root = RepositoryRoot();
        var scratch = Path.Combine(Path.GetTempPath(), "mailing-trim-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var (exitCode, output) = Dotnet(root, "publish", Path.Combine(root, "samples", "Mailing.Sample.Web", "Mailing.Sample.Web.csproj"),
                "-c", "Release", "-r", "linux-x64", "-o", Path.Combine(scratch, "out"), "--artifacts-path", Path.Combine(scratch, "artifacts"), "-nodeReuse:false");

            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(Path.Combine(scratch, "out", "Mailing.Sample.Web")), output);
            Assert.Empty(output.Split('\n').Where(line => TrimWarning().IsMatch(line)).Select(line => line.Trim()).Distinct());

            var (runExit, runOutput) = Run(Path.Combine(scratch, "out", "Mailing.Sample.Web"), scratch, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            }, "--once");
            Assert.True(runExit == 0, runOutput);
            Assert.Contains($"All {SampleEmails.All.Count} sample emails arrived in the dev inbox.", runOutput, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments) =>
        Run("dotnet", workingDirectory, new Dictionary<string, string>(), arguments);

    private static (int ExitCode, string Output) Run(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Guard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {Guard}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mailing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Mailing.sln not found above the test's output folder.");
    }

    [GeneratedRegex(@"(warning|error) IL[23]\d{3}")]
    private static partial Regex TrimWarning();
}
