using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Mailing.DevInbox;

namespace Mailing.Package.Tests;

/// <summary>
/// The Native AOT consumer after <c>dotnet publish -p:PublishAot=true</c> and one run of the native
/// binary against a loopback server that requires STARTTLS and AUTH, with its certificate trusted by file.
/// </summary>
internal sealed partial record PublishedAotConsumer(CommandResult Publish, string Binary, CommandResult? Run, IReadOnlyList<ReceivedEmail> Received)
{
    public const string User = "aot-user";

    /// <summary>Trim and AOT analysis warnings (IL2xxx, IL3xxx) in the publish output, one per line.</summary>
    public IReadOnlyList<string> TrimAndAotWarnings =>
        [.. Publish.Output.Split('\n').Where(line => TrimOrAotWarning().IsMatch(line)).Select(line => line.Trim()).Distinct()];

    public static PublishedAotConsumer Create(PackageFixture fixture)
    {
        var directory = AotConsumerProject.Create(Path.Combine(fixture.Root, "aot"), fixture.Version);
        var output = Path.Combine(directory, "publish");
        var publish = fixture.Cli.Run(directory, "publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nodeReuse:false");
        var binary = Path.Combine(output, "AotConsumer");
        if (!publish.Succeeded || !File.Exists(binary))
        {
            return new PublishedAotConsumer(publish, binary, null, []);
        }

        return RunAgainstSubmissionServer(fixture, publish, binary, directory).GetAwaiter().GetResult();
    }

    private static async Task<PublishedAotConsumer> RunAgainstSubmissionServer(PackageFixture fixture, CommandResult publish, string binary, string directory)
    {
        using var certificate = DevCertificate.CreateLocalhost();
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        await using var server = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Tls = InboxTlsMode.StartTls,
            Certificate = certificate,
            Username = User,
            Password = password,
        });
        var trusted = Path.Combine(directory, "server.pem");
        await File.WriteAllTextAsync(trusted, DevCertificate.PublicPart(certificate).ExportCertificatePem());

        var run = fixture.Cli.RunProgram(binary, directory, new Dictionary<string, string>
        {
            ["Mailing__From"] = "Shop <shop@example.com>",
            ["Mailing__Transport"] = $"smtp://{User}:{password}@localhost:{server.Port}?security=starttls",
            ["Mailing__Smtp__TrustedCertificateFiles__0"] = trusted,
        });
        return new PublishedAotConsumer(publish, binary, run, server.Messages);
    }

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex TrimOrAotWarning();
}
