using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Mailing.Transports.Smtp;

/// <summary>
/// Reads SMTP replies (RFC 5321 §4.2): <c>250-first line</c> ... <c>250 last line</c>, from a pooled buffer that keeps
/// what arrived beyond the current reply, so pipelined replies that came in one segment cost one read.
/// </summary>
/// <remarks>Not thread-safe; one per session. Dispose it to give the buffer back.</remarks>
internal sealed class SmtpReplyReader : IDisposable
{
    // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets; EHLO lists can run to a few dozen lines.
    private const int MaxReplyLength = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int _start;
    private int _end;

    /// <summary>Whether bytes beyond the replies read so far have arrived.</summary>
    public bool HasBufferedData => _end > _start;

    /// <summary>Reads the next reply; its text is kept when <paramref name="keepText"/> is set or the reply is negative.</summary>
    /// <exception cref="IOException">The server closed the connection.</exception>
    /// <exception cref="SmtpProtocolViolationException">The bytes are not an SMTP reply.</exception>
    public ValueTask<SmtpReply> ReadAsync(Stream stream, bool keepText, CancellationToken cancellationToken) =>
        TryParse(keepText, out var reply) ? new ValueTask<SmtpReply>(reply) : ReadMoreAsync(stream, keepText, cancellationToken);

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<SmtpReply> ReadMoreAsync(Stream stream, bool keepText, CancellationToken cancellationToken)
    {
        while (true)
        {
            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            _end += read;
            if (TryParse(keepText, out var reply))
            {
                return reply;
            }
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end < _buffer.Length)
        {
            return;
        }

        if (_buffer.Length >= MaxReplyLength)
        {
            throw new SmtpProtocolViolationException($"The server sent a reply longer than {MaxReplyLength} bytes.");
        }

        var grown = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _end).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }

    private bool TryParse(bool keepText, out SmtpReply reply)
    {
        reply = default;
        var available = _buffer.AsSpan(_start, _end - _start);
        var position = 0;
        var code = -1;
        while (true)
        {
            var lineFeed = available[position..].IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                return false;
            }

            var line = LineOf(available.Slice(position, lineFeed));
            var lineCode = CodeOf(line);
            if (code >= 0 && lineCode != code)
            {
                throw new SmtpProtocolViolationException($"The server changed the reply code within one reply ({code}, then {lineCode}).");
            }

            code = lineCode;
            position += lineFeed + 1;
            if (line.Length == 3 || line[3] == (byte)' ')
            {
                break;
            }
        }

        var text = keepText || code >= 400 ? TextOf(available[..position]) : null;
        _start += position;
        if (_start == _end)
        {
            _start = _end = 0;
        }

        reply = new SmtpReply(code, text);
        return true;
    }

    private static ReadOnlySpan<byte> LineOf(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static int CodeOf(ReadOnlySpan<byte> line)
    {
        if (line.Length < 3 || !IsDigit(line[0]) || !IsDigit(line[1]) || !IsDigit(line[2])
            || (line.Length > 3 && line[3] is not ((byte)' ' or (byte)'-')))
        {
            var shown = Encoding.ASCII.GetString(line[..Math.Min(line.Length, 40)]);
            throw new SmtpProtocolViolationException($"The server sent \"{shown}\", which is not an SMTP reply.");
        }

        return ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');

        static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
    }

    // Each line without its code and separator, joined with LF, as MailKit reported replies.
    private static string TextOf(ReadOnlySpan<byte> reply)
    {
        if (reply.IndexOf((byte)'\n') == reply.Length - 1)
        {
            var only = LineOf(reply[..^1]);
            return only.Length > 4 ? Encoding.UTF8.GetString(only[4..]) : "";
        }

        var text = new StringBuilder();
        while (!reply.IsEmpty)
        {
            var lineFeed = reply.IndexOf((byte)'\n');
            var line = LineOf(reply[..lineFeed]);
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            if (line.Length > 4)
            {
                text.Append(Encoding.UTF8.GetString(line[4..]));
            }

            reply = reply[(lineFeed + 1)..];
        }

        return text.ToString();
    }
}
