using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MailKit.Net.Smtp;
using MimeKit;

namespace Mailing.Package.Tests;

/// <summary>
/// The dev inbox as a user installs it: packed as a .NET tool into a local folder feed,
/// <c>dotnet tool install</c>ed from there, and started as <c>mailing dev</c>; a message sent to its
/// SMTP port reads back through its REST API.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DevInboxToolTests(PackageFixture fixture)
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Installed_tool_catches_a_message_and_serves_it_through_the_REST_API()
    {
        var toolPath = InstallTool();
        var (smtpPort, httpPort) = (FreePort(), FreePort());
        using var inbox = StartInbox(Path.Combine(toolPath, "mailing"), smtpPort, httpPort);
        await WaitForAsync(inbox.Started, "mailing dev did not say it was ready", inbox);

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", smtpPort, MailKit.Security.SecureSocketOptions.None);
            var message = new MimeMessage { Subject = "Installed tool check" };
            message.From.Add(MailboxAddress.Parse("app@example.com"));
            message.To.Add(MailboxAddress.Parse("ann@example.com"));
            message.Body = new TextPart("plain") { Text = "Hello from the package test." };
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(quit: true);
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
        using var list = JsonDocument.Parse(await http.GetStringAsync("api/messages"));
        var summary = Assert.Single(list.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("Installed tool check", summary.GetProperty("subject").GetString());
        Assert.Contains($"smtp://127.0.0.1:{smtpPort}", inbox.Output, StringComparison.Ordinal);
    }

    private string InstallTool()
    {
        var feed = Path.Combine(fixture.Root, "tool-feed");
        var project = Path.Combine(fixture.RepositoryRoot, "src", "Mailing.DevInbox.Tool", "Mailing.DevInbox.Tool.csproj");
        var pack = fixture.Cli.Run(fixture.RepositoryRoot, "pack", project, "-c", "Release", "-o", feed,
            "--artifacts-path", Path.Combine(fixture.Root, "tool-artifacts"), "-nodeReuse:false");
        Assert.True(pack.Succeeded, pack.ToString());
        var package = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(feed, "Mailing.DevInbox.*.nupkg")));
        var version = package["Mailing.DevInbox.".Length..];

        var toolPath = Path.Combine(fixture.Root, "tools");
        var install = fixture.Cli.Run(fixture.Root, "tool", "install", "Mailing.DevInbox", "--version", version, "--tool-path", toolPath, "--add-source", feed);
        Assert.True(install.Succeeded, install.ToString());
        return toolPath;
    }

    private static RunningTool StartInbox(string executable, int smtpPort, int httpPort)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "dev", "--smtp-port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--http-port", httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new RunningTool(Process.Start(start)!);
    }

    private static async Task WaitForAsync(Task started, string failure, RunningTool tool)
    {
        if (await Task.WhenAny(started, Task.Delay(StartPatience)) != started)
        {
            Assert.Fail($"{failure} within {StartPatience.TotalSeconds} s:\n{tool.Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The running <c>mailing dev</c> process; killed (with its children) on dispose.</summary>
    private sealed class RunningTool : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RunningTool(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Task Started => _started.Task;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (line.Contains("Press Ctrl+C", StringComparison.Ordinal))
            {
                _started.TrySetResult();
            }
        }
    }
}
