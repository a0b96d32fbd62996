using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mailing;

/// <summary>
/// Finds the line feeds in a text part that are not part of a CRLF, in one vectorized pass over the whole text.
/// </summary>
/// <remarks>
/// A line of mail is around 70 characters, so a search per line (<c>IndexOf('\n')</c>, then a look at the byte before)
/// spends most of its time starting and stopping: on a 100 KB body that was the largest cost after UTF-8 encoding. Here each
/// 16-byte block is compared with itself shifted by one, so a CR and the LF after it are seen together.
/// </remarks>
internal static class BareLineBreaks
{
    /// <summary>The index of the first LF in <paramref name="utf8"/> that does not follow a CR, or -1.</summary>
    /// <remarks>An LF at index 0 counts as bare: nothing before it in this span is a CR.</remarks>
    public static int IndexOfBareLineFeed(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return -1;
        }

        if (utf8[0] == (byte)'\n')
        {
            return 0;
        }

        var index = 1;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(utf8);
            var lineFeed = Vector128.Create((byte)'\n');
            var carriageReturn = Vector128.Create((byte)'\r');
            for (; index <= utf8.Length - Vector128<byte>.Count; index += Vector128<byte>.Count)
            {
                var current = Vector128.LoadUnsafe(ref start, (nuint)index);
                var previous = Vector128.LoadUnsafe(ref start, (nuint)(index - 1));
                var bare = Vector128.AndNot(Vector128.Equals(current, lineFeed), Vector128.Equals(previous, carriageReturn));
                if (bare != Vector128<byte>.Zero)
                {
                    return index + BitOperations.TrailingZeroCount(bare.ExtractMostSignificantBits());
                }
            }
        }

        for (; index < utf8.Length; index++)
        {
            if (utf8[index] == (byte)'\n' && utf8[index - 1] != (byte)'\r')
            {
                return index;
            }
        }

        return -1;
    }
}
