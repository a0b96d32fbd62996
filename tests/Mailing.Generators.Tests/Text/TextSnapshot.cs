using System.Runtime.CompilerServices;

namespace Mailing.Generators.Tests.Text;

/// <summary>
/// Verify-style snapshots without Verify: <c>{Class}.{Method}_{name}.verified.txt</c> beside the test
/// is the expected text; on a mismatch the actual text is written to <c>.received.txt</c> beside it.
/// Set <c>MAILING_ACCEPT_SNAPSHOTS=1</c> to accept received text as verified.
/// </summary>
internal static class TextSnapshot
{
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{method}_{name.Replace('/', '-')}");
        var verified = stem + ".verified.txt";
        var received = stem + ".received.txt";
        var accept = Environment.GetEnvironmentVariable("MAILING_ACCEPT_SNAPSHOTS") == "1";
        actual = actual.ReplaceLineEndings("\n");

        if (File.Exists(verified) && File.ReadAllText(verified).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        if (accept)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : "(no verified snapshot yet)";
        Assert.Fail($"Snapshot {Path.GetFileName(verified)} does not match; see {received}.\n{FirstDifference(expected, actual)}\n" +
            "Run with MAILING_ACCEPT_SNAPSHOTS=1 to accept the received text.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var a = i < actualLines.Length ? actualLines[i] : "(end)";
            if (e != a)
            {
                return $"line {i + 1}:\n- {e}\n+ {a}";
            }
        }

        return string.Empty;
    }
}
