using System.Diagnostics;
using Mailing.Runtime.Tests.Deliverability.Fixtures;
using Mailing.Transports.Local;

namespace Mailing.Runtime.Tests.Deliverability;

/// <summary>
/// The openssl commands docs/deliverability.md gives, run as written: the private keys they make sign, and the DNS
/// records they print verify those signatures in Python's dkim module.
/// </summary>
public sealed class DocumentedKeyGenerationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mailing-dkim-openssl-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(
        "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem",
        "openssl pkey -in dkim.pem -pubout -outform DER | openssl base64 -A",
        "rsa")]
    [InlineData(
        "openssl genpkey -algorithm ed25519 -out dkim.pem",
        "openssl pkey -in dkim.pem -pubout -outform DER | tail -c 32 | openssl base64 -A",
        "ed25519")]
    public async Task DocumentedCommands_MakeAKeyThatSigns_AndARecordThatVerifies(string generate, string publicKey, string type)
    {
        await ShellAsync(generate);
        var p = (await ShellAsync(publicKey)).Trim();
        var options = new DkimOptions { Keys = { new DkimKeyOptions { Domain = "shop.example", Selector = "s2025", PrivateKeyFile = Path.Combine(_directory, "dkim.pem") } } };
        var signer = new DkimMessageSigner(options);
        var transport = new InMemoryTransport { Dkim = signer };

        await transport.SendAsync(new EmailMessage { From = "shop@shop.example", To = ["ann@example.net"], Subject = "Hi", TextBody = "Hello" });

        var record = $"v=DKIM1; k={type}; p={p}";
        Assert.Equal(record, signer.DnsRecords.Single().Value);
        var dns = new Dictionary<string, string> { ["s2025._domainkey.shop.example"] = record };
        Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(transport.Sent.Single().MimeBytes.ToArray(), dns));
    }

    private async Task<string> ShellAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["-o", "pipefail", "-c", command])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(process.ExitCode == 0, $"'{command}' failed (openssl is installed by .ci/run): {await error}");
        return await output;
    }
}
