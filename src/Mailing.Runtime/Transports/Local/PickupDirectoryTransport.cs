using System.Text;
using Mailing.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailing.Transports.Local;

/// <summary>
/// Writes each message as an <c>.eml</c> file into a directory, for local development or for a mail
/// server that picks files up from there.
/// </summary>
/// <remarks>
/// A file appears complete or not at all: the message is written to a <c>.tmp</c> file in the same
/// directory and then renamed, so a process watching for <c>*.eml</c> never reads half a message.
/// The file keeps the <c>Bcc</c> header, because a pickup directory has no other place for the envelope.
/// </remarks>
public sealed class PickupDirectoryTransport : IEmailTransport
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Writes into <paramref name="directory"/>, creating it when needed.</summary>
    /// <param name="directory">The directory; relative paths are relative to the current directory.</param>
    /// <param name="timeProvider">The clock for Date headers; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where to log each written file.</param>
    /// <param name="name">The name reported in <see cref="SendResult.TransportName"/>.</param>
    public PickupDirectoryTransport(string directory, TimeProvider? timeProvider = null, ILogger<PickupDirectoryTransport>? logger = null, string name = "pickup")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Directory = Path.GetFullPath(directory);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Signs each message with DKIM, as SMTP would; <see langword="null"/> (the default) keeps it unsigned.</summary>
    public DkimMessageSigner? Dkim { get; init; }

    /// <summary>The full path of the directory messages are written to.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var started = _timeProvider.GetTimestamp();
        if (message.MessageId is null)
        {
            message = message with { MessageId = MimeMessageFactory.CreateMessageId(message) };
        }

        // A pickup file keeps Bcc: the file is the only place the relay can find those recipients.
        var (written, _) = await LocalMessageBytes.WriteAsync(message, _timeProvider, hideBlindCopies: false, Dkim, cancellationToken).ConfigureAwait(false);
        using var buffer = written;
        string fileName;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var temp = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true))
                {
                    await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                fileName = MoveIntoPlace(temp, FileNameFor(message.MessageId));
            }
            finally
            {
                File.Delete(temp);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException(
                MailFailureKind.Configuration,
                $"The message could not be written to the pickup directory \"{Directory}\": {exception.Message}",
                "Check that the directory exists or can be created, that the application may write there, and that the disk is not full.",
                exception)
            {
                TransportName = Name,
            };
        }

        MailingLog.PickupFileWritten(_logger, message.MessageId, fileName);
        return new SendResult
        {
            MessageId = message.MessageId,
            TransportName = Name,
            ProviderMessageId = fileName,
            Duration = _timeProvider.GetElapsedTime(started),
            AcceptedRecipients = message.AllRecipients.ToArray(),
        };
    }

    private string MoveIntoPlace(string temp, string fileName)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = attempt == 0 ? fileName : $"{Path.GetFileNameWithoutExtension(fileName)}-{attempt}.eml";
            try
            {
                File.Move(temp, Path.Combine(Directory, name), overwrite: false);
                return name;
            }
            catch (IOException) when (attempt < 100 && File.Exists(Path.Combine(Directory, name)))
            {
                // The same Message-Id was written before (a resend): keep both rather than overwrite.
            }
        }
    }

    private static string FileNameFor(string messageId)
    {
        var name = new StringBuilder(messageId.Length + 4);
        foreach (var c in messageId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_');
        }

        return name.Append(".eml").ToString();
    }
}
