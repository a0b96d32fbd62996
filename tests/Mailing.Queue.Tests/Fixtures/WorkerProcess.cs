using System.Diagnostics;
using System.Reflection;

namespace Mailing.Queue.Tests.Fixtures;

/// <summary>A worker in a process of its own (tests/Mailing.Queue.Worker), started with settings on its command line.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(IDictionary<string, string?> settings)
    {
        var assembly = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkerAssembly").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.GetFullPath(assembly));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "worker started")
            {
                _started.TrySetResult();
            }

            Output.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {e.Data}");
        };
        _process.ErrorDataReceived += (_, e) => Output.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {e.Data}");
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException($"The worker exited before it started: {string.Join('\n', Output)}"));
        _process.EnableRaisingEvents = true;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the worker wrote (its log), each line with the time it was read.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = [];

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<WorkerProcess> StartAsync(IDictionary<string, string?> settings)
    {
        var worker = new WorkerProcess(settings);
        await worker._started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return worker;
    }

    /// <summary>SIGKILL: the process dies at once, wherever it is, with no chance to clean up.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // A clean stop (SIGTERM) so the worker releases what it holds; then make sure.
            Process.Start("kill", $"-TERM {_process.Id}")?.WaitForExit();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
