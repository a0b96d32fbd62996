using System.Buffers;

namespace Mailing;

/// <summary>
/// Writes into an <see cref="IBufferWriter{T}"/> a chunk at a time: asks for room of a few kilobytes, fills it, hands it
/// over, so an encoder never reserves its worst case (3x the input for quoted-printable) and makes the buffer grow and copy.
/// </summary>
internal ref struct ChunkedBufferWriter(IBufferWriter<byte> output)
{
    private const int ChunkSize = 4096;

    private Span<byte> _span;
    private int _written;

    /// <summary>Room for at least <paramref name="count"/> bytes; fill some of it, then <see cref="Advance"/>.</summary>
    public Span<byte> Reserve(int count)
    {
        if (_span.Length - _written < count)
        {
            Commit();
            _span = output.GetSpan(Math.Max(count, ChunkSize));
        }

        return _span[_written..];
    }

    public void Advance(int count) => _written += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _written += bytes.Length;
    }

    /// <summary>Hands what was written to the output; call it before anything else writes there.</summary>
    public void Commit()
    {
        if (_written > 0)
        {
            output.Advance(_written);
        }

        _written = 0;
        _span = default;
    }
}
