using System.Runtime.CompilerServices;

namespace Mailing.Transports.Smtp;

/// <summary>
/// A message's DATA, serialized when the session first needs it: before MAIL FROM when its exact SIZE must be declared,
/// otherwise while the server answers the envelope. A reconnect sends the same bytes again, unless the new session needs
/// the other form (8bit text for a server that offers 8BITMIME, 7 bit for one that does not): then it is written again.
/// </summary>
internal sealed class SmtpMessageData(IMessageWriter writer) : IDisposable
{
    private readonly MessageBuffer _buffer = new(writer.SizeHint, dotStuffing: true);
    private bool _written;
    private bool _writtenEightBit;

    public IMessageWriter Writer { get; } = writer;

    /// <summary>
    /// The serialized, dot-stuffed, ended message. A failure to write it (an attachment file that cannot be read) is a
    /// <see cref="MessageWriteException"/>: never taken for a lost connection, and the transport surfaces its cause.
    /// </summary>
    /// <param name="eightBit">
    /// Whether this session takes the message with 8bit text: <see cref="IMessageWriter.HasEightBitBody"/> for what the
    /// server offers. Bytes written the other way for an earlier session are written again, never sent as they are.
    /// </param>
    /// <param name="cancellationToken">Cancels reading an attachment file.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MessageBuffer> GetAsync(bool eightBit, CancellationToken cancellationToken)
    {
        if (_written && _writtenEightBit != eightBit)
        {
            _buffer.Clear();
            _written = false;
        }

        if (!_written)
        {
            try
            {
                await Writer.WriteAsync(_buffer, eightBit, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new MessageWriteException(exception);
            }

            _buffer.EndSmtpData();
            _written = true;
            _writtenEightBit = eightBit;
        }

        return _buffer;
    }

    public void Dispose() => _buffer.Dispose();
}
