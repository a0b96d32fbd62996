using System.Runtime.CompilerServices;

namespace Mailing.Transports.Smtp;

/// <summary>
/// A message's DATA, serialized once, when the session first needs it: before MAIL FROM when its exact SIZE must be
/// declared, otherwise while the server answers the envelope. A reconnect sends the same bytes again.
/// </summary>
internal sealed class SmtpMessageData(IMessageWriter writer) : IDisposable
{
    private readonly MessageBuffer _buffer = new(writer.SizeHint, dotStuffing: true);
    private bool _written;

    public IMessageWriter Writer { get; } = writer;

    /// <summary>
    /// The serialized, dot-stuffed, ended message. A failure to write it (an attachment file that cannot be read) is a
    /// <see cref="MessageWriteException"/>: never taken for a lost connection, and the transport surfaces its cause.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MessageBuffer> GetAsync(CancellationToken cancellationToken)
    {
        if (!_written)
        {
            try
            {
                await Writer.WriteAsync(_buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new MessageWriteException(exception);
            }

            _buffer.EndSmtpData();
            _written = true;
        }

        return _buffer;
    }

    public void Dispose() => _buffer.Dispose();
}
