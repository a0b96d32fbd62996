using System.Diagnostics;
using System.Text.Json;

namespace Mailing.Runtime.Tests.Deliverability.Fixtures;

/// <summary>
/// An independent DKIM verifier: Python's <c>dkim</c> module (Debian's python3-dkim, with python3-nacl for Ed25519),
/// handed the public keys through its DNS lookup hook (<c>dnsfunc</c>) instead of real DNS.
/// </summary>
/// <remarks>
/// Debian's own interpreter is used (<c>/usr/bin/python3</c>): the module is installed for it, and a <c>python3</c>
/// earlier on the PATH (pyenv, a virtualenv) would not see it. .ci/run installs the packages.
/// </remarks>
internal static class PythonDkim
{
    private const string Script = """
        import json, sys
        import dkim
        records = json.loads(sys.argv[1])
        message = sys.stdin.buffer.read()

        def dnsfunc(name, timeout=5):
            name = name.decode() if isinstance(name, bytes) else name
            return records.get(name.rstrip('.'), '').encode()

        def verify(index):
            try:
                return bool(verifier.verify(idx=index, dnsfunc=dnsfunc))
            except dkim.DKIMException as error:
                # A body hash mismatch is raised rather than returned: it is a failed verification all the same.
                print(f'signature {index}: {error}', file=sys.stderr)
                return False

        verifier = dkim.DKIM(message)
        count = sum(1 for name, _ in verifier.headers if name.lower() == b'dkim-signature')
        print(json.dumps([verify(i) for i in range(count)]))
        """;

    /// <summary>Verifies every DKIM-Signature of <paramref name="message"/>; one result per signature, top first.</summary>
    public static async Task<bool[]> VerifyAsync(byte[] message, IReadOnlyDictionary<string, string> dns)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-c", Script, JsonSerializer.Serialize(dns)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.BaseStream.WriteAsync(message);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(process.ExitCode == 0, $"python3 dkim failed (install python3-dkim and python3-nacl; .ci/run does): {await error}");
        return JsonSerializer.Deserialize<bool[]>(await output)!;
    }
}
