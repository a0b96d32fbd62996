using System.Globalization;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Mailing.DevInbox.Storage;

/// <summary>
/// One <c>.eml</c> file per message in a directory, so the inbox survives restarts and any mail
/// client can open what was caught.
/// </summary>
/// <remarks>
/// The file name is <c>{received unix ms}-{id}.eml</c>. Each file is written beside its final name
/// and renamed into place, so a crash mid-write leaves a stray temporary file, never a torn message.
/// The envelope (<c>MAIL FROM</c>, <c>RCPT TO</c>) is not part of an .eml; after a restart it is
/// taken from the headers.
/// </remarks>
internal sealed partial class DirectoryMessageStorage(string directory, ILogger<DirectoryMessageStorage> logger) : IMessageStorage
{
    private const string Extension = ".eml";
    private const string PartialExtension = ".partial";

    public string Description => $"directory {directory}";

    public async Task<IReadOnlyList<StoredMessage>> LoadAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        foreach (var partial in Directory.EnumerateFiles(directory, "*" + PartialExtension))
        {
            File.Delete(partial);
        }

        var loaded = new List<StoredMessage>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            try
            {
                var dash = name.IndexOf('-', StringComparison.Ordinal);
                var receivedAt = dash > 0 && long.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                    ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                    : new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
                var id = dash > 0 ? name[(dash + 1)..] : name;
                var raw = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                MimeMessage message;
                using (var stream = new MemoryStream(raw, writable: false))
                {
                    message = await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
                }

                if (message.Headers.Count == 0 || (message.From.Count == 0 && message.To.Count == 0 && message.Subject is null))
                {
                    throw new FormatException("it has no From, To or Subject header");
                }

                loaded.Add(new StoredMessage(
                    id,
                    receivedAt,
                    raw,
                    message,
                    message.From.Mailboxes.FirstOrDefault()?.Address ?? "",
                    message.GetRecipients().Select(mailbox => mailbox.Address).ToArray()));
            }
            catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
            {
                LogSkipped(logger, path, exception.Message);
            }
        }

        return loaded;
    }

    public async Task SaveAsync(StoredMessage message, CancellationToken cancellationToken)
    {
        var final = PathOf(message);
        var partial = final + PartialExtension;
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
        {
            await file.WriteAsync(message.Raw, cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, final, overwrite: true);
    }

    public Task DeleteAsync(StoredMessage message, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(message));
        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private string PathOf(StoredMessage message) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{message.ReceivedAt.ToUnixTimeMilliseconds():D13}-{message.Id}{Extension}"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Path}: it is not a readable message ({Reason}).")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);
}
