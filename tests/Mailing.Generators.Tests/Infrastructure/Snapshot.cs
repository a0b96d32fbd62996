using System.Runtime.CompilerServices;

namespace Mailing.Generators.Tests.Infrastructure;

/// <summary>
/// Verify's file conventions without Verify: <c>{Class}.{Method}#{HintName}.verified.cs</c> beside
/// the test, a <c>.received.</c> file on mismatch, and <c>MAILING_ACCEPT_SNAPSHOTS=1</c> to accept.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MAILING_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string fileName, [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var verified = Path.Combine(folder, fileName.Replace("{kind}", "verified", StringComparison.Ordinal));
        var received = Path.Combine(folder, fileName.Replace("{kind}", "received", StringComparison.Ordinal));
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot yet: review {received} and rename it to {Path.GetFileName(verified)}, or run with {AcceptVariable}=1."
            : $"Snapshot differs at line {FirstDifference(expected, actual)}: compare {received} with {verified}; run with {AcceptVariable}=1 to accept.\n{Diff(expected, actual)}");
    }

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }

    /// <summary>The first differing line with two lines of context either side, as "-" verified and "+" received.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = FirstDifference(expected, actual) - 1;
        var text = new System.Text.StringBuilder();
        for (var i = Math.Max(0, line - 2); i < line; i++)
        {
            text.Append("  ").AppendLine(a[i]);
        }

        for (var i = line; i < Math.Min(a.Length, line + 3); i++)
        {
            text.Append("- ").AppendLine(a[i]);
        }

        for (var i = line; i < Math.Min(b.Length, line + 3); i++)
        {
            text.Append("+ ").AppendLine(b[i]);
        }

        return text.ToString();
    }
}
