using System.Security.Cryptography;

namespace Mailing;

/// <summary>
/// Bytes from the operating system's cryptographic generator, fetched 4 KB at a time per thread: a boundary or a
/// Message-Id needs 16 of them, and a call into the generator per value cost about a microsecond each.
/// </summary>
internal static class CryptoRandomBuffer
{
    private const int Size = 4096;

    [ThreadStatic]
    private static byte[]? t_bytes;

    [ThreadStatic]
    private static int t_used;

    /// <summary>Fills <paramref name="destination"/> (at most 4 KB) with random bytes no other caller gets.</summary>
    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > Size)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var bytes = t_bytes ??= new byte[Size];
        if (t_used == 0 || t_used + destination.Length > Size)
        {
            RandomNumberGenerator.Fill(bytes);
            t_used = 0;
        }

        var source = bytes.AsSpan(t_used, destination.Length);
        source.CopyTo(destination);

        // Used bytes are wiped, so nothing that was handed out stays in memory longer than needed.
        source.Clear();
        t_used += destination.Length;
    }
}
