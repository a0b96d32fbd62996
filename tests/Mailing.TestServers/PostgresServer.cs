using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mailing.TestServers;

/// <summary>
/// One PostgreSQL cluster per process (Debian's server: initdb into a temporary directory, a free loopback port, no
/// Docker), shared by every test or benchmark of that process that needs one; each gets a database of its own.
/// </summary>
/// <remarks>
/// initdb refuses to run as root, and CI runs as root: then the cluster is created and run as the <c>postgres</c>
/// system user (the Debian package creates it) through <c>runuser</c>. Durability settings are off (a test cluster
/// that is thrown away need not survive a power cut), which changes nothing the tests observe.
/// </remarks>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _bin;
    private readonly string _directory;
    private readonly bool _asPostgresUser;
    private int _databases;

    private PostgresServer(string bin, string directory, int port, bool asPostgresUser)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>Whether Debian's PostgreSQL server is installed (<c>apt-get install -y postgresql</c>; .ci/run installs it).</summary>
    public static bool IsInstalled => FindBin() is not null;

    /// <summary>The shared cluster, started on first use and stopped when the process exits.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or the cluster did not start; the message says which.</exception>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A connection string to a new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=40";

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL is not installed: run `apt-get install -y postgresql` (.ci/run installs it).");
        var asPostgresUser = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), $"mailing-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (asPostgresUser)
        {
            await RunAsync("chown", $"postgres {directory}");
        }

        var server = new PostgresServer(bin, directory, FreePort(), asPostgresUser);
        await server.RunAsPostgresAsync("initdb", $"-D {server.Data} -U postgres -A trust -E UTF8 --no-sync");
        await server.RunAsPostgresAsync("pg_ctl", $"-D {server.Data} -l {directory}/log -w -o \"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private string Data => Path.Combine(_directory, "data");

    private static string? FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault();
    }

    private void Stop()
    {
        try
        {
            RunAsPostgresAsync("pg_ctl", $"-D {Data} -m immediate stop").GetAwaiter().GetResult();
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The test run is over; a leftover temporary directory is all that remains.
        }
    }

    private Task RunAsPostgresAsync(string tool, string arguments) => _asPostgresUser
        ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}")
        : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
