using System.IO.Compression;
using System.Xml.Linq;

namespace Mailing.Package.Tests;

/// <summary>
/// Packs src/Mailing once per test run into a temp folder that serves as a package source, with a
/// package folder of its own, and builds each consumer scenario at most once, on first use.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly Lazy<BuiltConsumer> _workingApp;
    private readonly Lazy<BuiltConsumer> _appWithTypo;
    private readonly Lazy<PublishedAotConsumer> _aotConsumer;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "mailing-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Cli = new DotnetCli(Path.Combine(Root, "packages"));

        // Built under an artifacts path of its own: other work in the checkout cannot lock or
        // stale these outputs, and this build cannot disturb theirs.
        Pack = Cli.Run(RepositoryRoot, "pack", Path.Combine(RepositoryRoot, "src", "Mailing", "Mailing.csproj"),
            "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"), "-nodeReuse:false");
        if (!Pack.Succeeded)
        {
            throw new InvalidOperationException("Packing src/Mailing failed:\n" + Pack);
        }

        PackagePath = Directory.GetFiles(Feed, "Mailing.*.nupkg").Single();
        using (var package = ZipFile.OpenRead(PackagePath))
        {
            var nuspec = package.Entries.Single(e => e.FullName == "Mailing.nuspec");
            using var stream = nuspec.Open();
            Nuspec = XDocument.Load(stream);
        }

        Version = Nuspec.Descendants().Single(e => e.Name.LocalName == "version").Value;

        // The consumer lives outside the repository so none of its Directory.*.props apply; the
        // empty ones here stop MSBuild looking further up. No <clear />: the machine's own sources
        // (nuget.org or its mirror) still serve MailKit, MimeKit and Microsoft.Extensions.*.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mailing-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        _workingApp = new Lazy<BuiltConsumer>(() => BuildConsumer("working", ConsumerProject.WelcomeTemplate, run: true));
        _appWithTypo = new Lazy<BuiltConsumer>(() => BuildConsumer("typo",
            ConsumerProject.WelcomeTemplate.Replace("user.first_name", "user.nmae", StringComparison.Ordinal), run: false));
        _aotConsumer = new Lazy<PublishedAotConsumer>(() => PublishedAotConsumer.Create(this));
    }

    internal string RepositoryRoot { get; }

    /// <summary>
    /// The AdditionalFiles item identities MSBuild evaluates for a consumer that lists
    /// <paramref name="extraItems"/> itself (after a restore, so the package's targets are imported).
    /// </summary>
    internal IReadOnlyList<string> EvaluateAdditionalFiles(string name, string extraItems, string? mailingReference = null)
    {
        var project = ConsumerProject.Create(Path.Combine(Root, name), Version, ConsumerProject.WelcomeTemplate, extraItems, mailingReference);
        var restore = Cli.Run(project.Directory, "restore", "-nodeReuse:false");
        Assert.True(restore.Succeeded, restore.ToString());
        var evaluation = Cli.Run(project.Directory, "msbuild", "-nodeReuse:false", "-getItem:AdditionalFiles");
        Assert.True(evaluation.Succeeded, evaluation.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(evaluation.Output);
        return json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    internal string Root { get; }

    /// <summary>Writes a class library that references the package, for apps that get Mailing only through it.</summary>
    internal string CreateLibraryReferencingThePackage(string name)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Mailing" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    internal string Feed { get; }

    internal DotnetCli Cli { get; }

    internal CommandResult Pack { get; }

    internal string PackagePath { get; }

    internal XDocument Nuspec { get; }

    internal string Version { get; }

    /// <summary>The consumer app with a correct template: built, then run against a loopback SMTP server.</summary>
    internal BuiltConsumer WorkingApp => _workingApp.Value;

    /// <summary>The consumer app whose template misspells a member (<c>user.nmae</c>).</summary>
    internal BuiltConsumer AppWithTypo => _appWithTypo.Value;

    /// <summary>The console consumer published with Native AOT and run once against a STARTTLS + AUTH server.</summary>
    internal PublishedAotConsumer AotConsumer => _aotConsumer.Value;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server child may still hold a file for a moment; the temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private BuiltConsumer BuildConsumer(string name, string template, bool run)
    {
        var project = ConsumerProject.Create(Path.Combine(Root, name), Version, template);
        var build = Cli.Run(project.Directory, "build", "-nodeReuse:false", "-consoleLoggerParameters:NoSummary");
        if (!run || !build.Succeeded)
        {
            return new BuiltConsumer(project, build, null, []);
        }

        // A failover whose primary refuses connections: the packaged dispatcher (and Polly with it) must load and
        // hand the message to the working server, once.
        using var smtp = LoopbackSmtpServer.Start();
        var deadPort = UnusedLoopbackPort();
        var execution = Cli.Run(project.Directory,
            new Dictionary<string, string> { [ConsumerProject.DeliveryDsnVariable] = $"failover(smtp://127.0.0.1:{deadPort}?security=none smtp://127.0.0.1:{smtp.Port}?security=none)" },
            "run", "--no-build");
        return new BuiltConsumer(project, build, execution, smtp.Received);
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mailing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Mailing.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
