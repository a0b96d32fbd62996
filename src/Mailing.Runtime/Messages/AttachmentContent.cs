namespace Mailing;

/// <summary>
/// The bytes of an attachment or inline resource: held in memory, or opened from a file each time
/// they are needed, so a message can be sent again (retry, failover) without a consumed stream.
/// </summary>
internal sealed class AttachmentContent
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string? _path;

    private AttachmentContent(ReadOnlyMemory<byte> bytes, string? path)
    {
        _bytes = bytes;
        _path = path;
    }

    public static AttachmentContent FromBytes(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    public static AttachmentContent FromFile(string path) => new(default, Path.GetFullPath(path));

    public static AttachmentContent FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new(buffer.ToArray(), null);
    }

    public static async Task<AttachmentContent> FromStreamAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new(buffer.ToArray(), null);
    }

    /// <summary>The length in bytes, or <see langword="null"/> for a file that is read only when sent.</summary>
    public long? Length => _path is null ? _bytes.Length : null;

    /// <summary>The bytes themselves when they are held in memory; <see langword="false"/> for a file.</summary>
    public bool TryGetBytes(out ReadOnlyMemory<byte> bytes)
    {
        bytes = _bytes;
        return _path is null;
    }

    /// <summary>Opens the file for asynchronous reading, front to back; only for content that is a file.</summary>
    public FileStream OpenFileForAsyncRead() =>
        new(_path ?? throw new InvalidOperationException("The content is held in memory, not in a file."),
            FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public Stream OpenRead()
    {
        if (_path is not null)
        {
            return new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: false);
        }

        // Every send reads the same bytes: wrap them read-only instead of copying when they are an array.
        return System.Runtime.InteropServices.MemoryMarshal.TryGetArray(_bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(_bytes.ToArray(), writable: false);
    }

    public override string ToString() => _path is null ? $"{_bytes.Length} bytes" : "file " + Path.GetFileName(_path);
}
