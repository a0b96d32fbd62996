using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace Mailing;

/// <summary>
/// A durable suppression list in one file: every change is appended as a CSV line and flushed to disk before the
/// call returns, and the file is read back (and compacted) when the list is first used. No database, no dependency,
/// trimming- and Native-AOT-safe.
/// </summary>
/// <remarks>
/// <para>
/// One process owns the file: it is opened exclusively, and a second process (another instance of the app) fails with
/// an <see cref="IOException"/> that says so. Apps that run several instances implement <see cref="ISuppressionList"/> over
/// their database instead. Reads are served from memory; the list is loaded once, on first use.
/// </para>
/// <para>
/// The file is text (<c>op,address,reason,source,suppressed_at</c>), readable and backed up like any other file. A last
/// line cut short by a crash (no line end) was never acknowledged and is dropped when the file is read; any other
/// unreadable line stops the list with an <see cref="InvalidDataException"/> naming the line, rather than losing it.
/// </para>
/// </remarks>
public sealed class FileSuppressionList : ISuppressionList, IDisposable, IAsyncDisposable
{
    private const string Header = "op,address,reason,source,suppressed_at";
    private const string AddOp = "add";
    private const string RemoveOp = "remove";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, SuppressionEntry> _entries = new(StringComparer.Ordinal);
    private FileStream? _journal;
    private bool _disposed;

    /// <summary>Creates a list kept in <paramref name="path"/>; the file and its directory are created on first use.</summary>
    /// <param name="path">The file, e.g. <c>/var/lib/shop/suppressions.csv</c>; relative paths are resolved against the current directory now.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public FileSuppressionList(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    /// <exception cref="IOException">The file could not be written (disk full, permissions, another process holds it).</exception>
    /// <exception cref="InvalidDataException">The file has a line Mailing cannot read; the message names it.</exception>
    public async Task<bool> AddAsync(EmailAddress address, SuppressionReason reason, string source, DateTimeOffset suppressedAt, CancellationToken cancellationToken = default)
    {
        var entry = new SuppressionEntry(SuppressionKey.For(address), reason, SuppressionKey.ThrowIfInvalidSource(source), suppressedAt);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var journal = await OpenAsync(cancellationToken).ConfigureAwait(false);
            if (_entries.TryGetValue(entry.Address, out var existing) && !entry.Widens(existing))
            {
                return false;
            }

            await AppendAsync(journal, AddLine(entry), cancellationToken).ConfigureAwait(false);
            _entries[entry.Address] = entry;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="InvalidDataException">The file has a line Mailing cannot read; the message names it.</exception>
    public async Task<SuppressionEntry?> FindAsync(EmailAddress address, CancellationToken cancellationToken = default)
    {
        var key = SuppressionKey.For(address);
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        return _entries.TryGetValue(key, out var entry) ? entry : null;
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task<bool> RemoveAsync(EmailAddress address, CancellationToken cancellationToken = default)
    {
        var key = SuppressionKey.For(address);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var journal = await OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_entries.ContainsKey(key))
            {
                return false;
            }

            await AppendAsync(journal, CsvRecord.Format(RemoveOp, key, "", "", ""), cancellationToken).ConfigureAwait(false);
            _entries.TryRemove(key, out _);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SuppressionEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in _entries.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _disposed = true;
        _journal?.Dispose();
        _journal = null;
    }

    /// <summary>Closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_journal is { } journal)
        {
            _journal = null;
            await journal.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_journal is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Loads the file on first use and keeps it open for appending; called under the gate.</summary>
    private async ValueTask<FileStream> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_journal is { } open)
        {
            return open;
        }

        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var (lines, needsRewrite) = File.Exists(Path) ? await ReadAsync(cancellationToken).ConfigureAwait(false) : (0, true);
        if (needsRewrite || lines != _entries.Count)
        {
            // Removals, replaced entries or a torn last line: write what the list holds now, then swap files atomically.
            var temporary = Path + ".tmp";
            await using (var rewrite = OpenExclusive(temporary, FileMode.Create))
            {
                var text = new StringBuilder(Header).Append('\n');
                foreach (var entry in _entries.Values)
                {
                    text.Append(AddLine(entry)).Append('\n');
                }

                await rewrite.WriteAsync(Utf8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
                rewrite.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }

        var journal = OpenExclusive(Path, FileMode.Open);
        journal.Seek(0, SeekOrigin.End);
        _journal = journal;
        return journal;
    }

    /// <returns>How many add lines the file has, and whether it must be rewritten (no header, or a torn last line).</returns>
    private async Task<(int Lines, bool NeedsRewrite)> ReadAsync(CancellationToken cancellationToken)
    {
        string text;
        await using (var stream = OpenExclusive(Path, FileMode.Open))
        using (var reader = new StreamReader(stream, Utf8))
        {
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        if (text.Length == 0)
        {
            return (0, true);
        }

        var lines = text.Split('\n');
        var torn = lines[^1].Length > 0;
        if (lines[0].TrimEnd('\r') != Header)
        {
            throw Unreadable(1, $"the first line is not the header \"{Header}\"");
        }

        var adds = 0;
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = CsvRecord.Parse(line, out var error) ?? throw Unreadable(i + 1, error!);
            if (fields.Count != 5)
            {
                throw Unreadable(i + 1, $"it has {fields.Count} fields instead of 5 ({Header})");
            }

            // The file holds addresses as SuppressionKey wrote them; a full parse of each would make loading a large list slow.
            var key = fields[1];
            if (!SuppressionKey.LooksLikeKey(key))
            {
                throw Unreadable(i + 1, $"\"{key}\" is not a lower-case email address");
            }

            switch (fields[0])
            {
                case AddOp:
                    if (!SuppressionListCsv.TryParseReason(fields[2], out var reason))
                    {
                        throw Unreadable(i + 1, $"\"{fields[2]}\" is not a reason ({SuppressionListCsv.Reasons})");
                    }

                    if (!SuppressionListCsv.TryParseTime(fields[4], out var at))
                    {
                        throw Unreadable(i + 1, $"\"{fields[4]}\" is not a date and time (ISO 8601, e.g. 2024-05-01T10:00:00Z)");
                    }

                    var entry = new SuppressionEntry(key, reason, fields[3], at);
                    if (!_entries.TryGetValue(key, out var existing) || entry.Widens(existing))
                    {
                        _entries[key] = entry;
                    }

                    adds++;
                    break;
                case RemoveOp:
                    _entries.TryRemove(key, out _);
                    adds++; // forces a rewrite, which drops the removed entry's lines
                    break;
                default:
                    throw Unreadable(i + 1, $"\"{fields[0]}\" is not an operation (\"{AddOp}\" or \"{RemoveOp}\")");
            }
        }

        return (adds, torn);
    }

    private static string AddLine(SuppressionEntry entry) =>
        CsvRecord.Format(AddOp, entry.Address, entry.Reason.ToString(), entry.Source, SuppressionListCsv.FormatTime(entry.SuppressedAt));

    private static async Task AppendAsync(FileStream journal, string line, CancellationToken cancellationToken)
    {
        await journal.WriteAsync(Utf8.GetBytes(line + "\n"), cancellationToken).ConfigureAwait(false);

        // On disk before the caller hears "added": a suppression that is acknowledged and then lost in a crash would
        // let the next message reach an address that bounced.
        journal.Flush(flushToDisk: true);
    }

    private FileStream OpenExclusive(string path, FileMode mode)
    {
        try
        {
            return new FileStream(path, mode, FileAccess.ReadWrite, FileShare.None, bufferSize: 4096, FileOptions.Asynchronous);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IOException(
                $"The suppression list file {path} could not be opened: {exception.Message} A FileSuppressionList is owned by one process; " +
                "when several instances of the app run, give each its own file or keep the list in a database (implement ISuppressionList).",
                exception);
        }
    }

    private InvalidDataException Unreadable(int line, string problem) =>
        new($"The suppression list file {Path} cannot be read at line {line}: {problem}. Correct or delete that line " +
            "(keep a copy of the file first); Mailing refuses to start with part of the list missing.");
}
