using System.Buffers;

namespace Mailing;

/// <summary>
/// One serialized message in a pooled, growing array: written through <see cref="IBufferWriter{T}"/> (Mailing's MIME
/// writer) or as a <see cref="Stream"/> (MimeKit's), read back as one block of memory.
/// </summary>
/// <remarks>
/// <para>
/// With SMTP dot-stuffing on, every line that starts with '.' gets a second '.' as it is written, whoever writes it
/// (RFC 5321 §4.5.2), so the bytes are DATA as they stand: no second pass, no second copy. <see cref="MessageLength"/>
/// counts the message without the added dots, as RFC 1870's SIZE wants it.
/// </para>
/// <para>Dispose it: the array goes back to the pool. Not thread-safe.</para>
/// </remarks>
internal sealed class MessageBuffer : Stream, IBufferWriter<byte>
{
    private const int MinimumSize = 4096;
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;
    private static ReadOnlySpan<byte> EndOfData => ".\r\n"u8;

    private readonly bool _dotStuffing;
    private byte[] _buffer;
    private int _written;
    private int _addedDots;
    private bool _atLineStart = true;
    private bool _dataEnded;

    /// <param name="sizeHint">The expected size in bytes; the buffer grows when it is exceeded.</param>
    /// <param name="dotStuffing">Whether to write SMTP DATA (dot-stuffed), rather than the message as it is (a file).</param>
    public MessageBuffer(int sizeHint, bool dotStuffing)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, MinimumSize));
        _dotStuffing = dotStuffing;
    }

    /// <summary>The bytes written so far: with dot-stuffing on, ready for DATA (after <see cref="EndSmtpData"/>).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <summary>The message's size in bytes without the dots stuffing added and without the end-of-data line.</summary>
    public long MessageLength => _written - _addedDots - (_dataEnded ? EndOfData.Length : 0);

    /// <summary>Whether the message ends with a line break so far.</summary>
    public bool EndsWithLineBreak => _written >= 2 && _buffer.AsSpan(_written - 2, 2).SequenceEqual(CrLf);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    /// <summary>Ends SMTP DATA: a line break if the message lacks a final one (it counts as part of the message), then the lone dot.</summary>
    public void EndSmtpData()
    {
        if (!_dotStuffing)
        {
            throw new InvalidOperationException("Only a dot-stuffed buffer holds SMTP DATA.");
        }

        if (_dataEnded)
        {
            return;
        }

        if (!EndsWithLineBreak)
        {
            Write(CrLf);
        }

        EndOfData.CopyTo(GetSpan(EndOfData.Length));
        _written += EndOfData.Length;
        _dataEnded = true;
    }

    /// <summary>Forgets everything written, keeping the array: the same message, written again in another form.</summary>
    public void Clear()
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        _written = 0;
        _addedDots = 0;
        _atLineStart = true;
        _dataEnded = false;
    }

    /// <summary>A copy of the bytes written, in an array of exactly their size.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _written).ToArray();

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the span that was handed out.");
        }

        if (count == 0)
        {
            return;
        }

        if (_dotStuffing)
        {
            StuffDots(count);
        }
        else
        {
            _written += count;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_dataEnded)
        {
            throw new InvalidOperationException("The SMTP data has already been ended.");
        }

        buffer.CopyTo(GetSpan(buffer.Length));
        Advance(buffer.Length);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _written = 0;
        }

        base.Dispose(disposing);
    }

    // The new bytes are in place after _written; a line start is a position after LF, or the first byte ever written.
    private void StuffDots(int count)
    {
        var added = _buffer.AsSpan(_written, count);
        var firstStartsLine = _atLineStart;
        var dots = firstStartsLine && added[0] == (byte)'.' ? 1 : 0;
        for (var from = 0; ;)
        {
            var found = added[from..].IndexOf("\n."u8);
            if (found < 0)
            {
                break;
            }

            dots++;
            from += found + 1;
        }

        _atLineStart = added[^1] == (byte)'\n';
        if (dots == 0)
        {
            _written += count;
            return;
        }

        // Rare: text with lines that begin with a dot. Spread the bytes out from the end, inserting a dot before each.
        Ensure(count + dots, keep: _written + count);
        var span = _buffer.AsSpan(_written, count + dots);
        var target = count + dots;
        for (var source = count - 1; source >= 0; source--)
        {
            span[--target] = span[source];
            var startsLine = source == 0 ? firstStartsLine : span[source - 1] == (byte)'\n';
            if (startsLine && span[source] == (byte)'.')
            {
                span[--target] = (byte)'.';
            }
        }

        _written += count + dots;
        _addedDots += dots;
    }

    private void Ensure(int sizeHint) => Ensure(sizeHint, keep: _written);

    // keep: how many bytes from the start are live (more than _written while new bytes are being stuffed).
    private void Ensure(int sizeHint, int keep)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + sizeHint));
        _buffer.AsSpan(0, keep).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
