using System.Globalization;

namespace Mailing;

/// <summary>
/// CSV export and import of an <see cref="ISuppressionList"/>, for support staff, backups and moving addresses between a
/// provider's suppression list and Mailing's.
/// </summary>
/// <remarks>
/// The format is RFC 4180 CSV with a header line: <c>address,reason,source,suppressed_at</c>. Reasons are
/// <c>HardBounce</c>, <c>Complaint</c>, <c>Unsubscribed</c> and <c>Manual</c>; times are ISO 8601. An import needs
/// only the <c>address</c> column; the others default to <c>Manual</c>, the given source and the current time, so a
/// provider's export of addresses imports as it is.
/// </remarks>
public static class SuppressionListCsv
{
    /// <summary>The header line exports write and imports expect (columns may come in any order).</summary>
    public const string Header = "address,reason,source,suppressed_at";

    private const string AddressColumn = "address";
    private const string ReasonColumn = "reason";
    private const string SourceColumn = "source";
    private const string TimeColumn = "suppressed_at";
    private const int MaxReportedProblems = 20;

    internal const string Reasons = "HardBounce, Complaint, Unsubscribed, Manual";

    /// <summary>Writes every entry of <paramref name="list"/> to <paramref name="csv"/>, header first.</summary>
    /// <param name="list">The list.</param>
    /// <param name="csv">Where to write; not closed.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>How many entries were written.</returns>
    public static async Task<int> ExportCsvAsync(this ISuppressionList list, TextWriter csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(csv);
        await csv.WriteAsync(Header + "\n").ConfigureAwait(false);
        var count = 0;
        await foreach (var entry in list.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            await csv.WriteAsync(CsvRecord.Format(entry.Address, entry.Reason.ToString(), entry.Source, FormatTime(entry.SuppressedAt)) + "\n").ConfigureAwait(false);
            count++;
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Adds every address of <paramref name="csv"/> to <paramref name="list"/>.</summary>
    /// <param name="list">The list.</param>
    /// <param name="csv">CSV with a header line that has at least an <c>address</c> column; not closed.</param>
    /// <param name="source">The source of rows without a <c>source</c> column or value, e.g. <c>sendgrid export 2024-05</c>.</param>
    /// <param name="timeProvider">The clock for rows without a time; the system clock when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    /// <returns>How many addresses were added and how many were already on the list.</returns>
    /// <exception cref="FormatException">
    /// A row cannot be read (an invalid address, an unknown reason, a bad time, broken quoting) or there is no
    /// <c>address</c> column. Every problem is listed with its line number, and nothing was imported: fix the file and
    /// import it again.
    /// </exception>
    /// <remarks>The whole file is checked before the first address is added, so a bad row never leaves half a file imported.</remarks>
    public static async Task<SuppressionImportResult> ImportCsvAsync(
        this ISuppressionList list, TextReader csv, string source = "csv import", TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(csv);
        SuppressionKey.ThrowIfInvalidSource(source);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();

        var rows = new List<(EmailAddress Address, SuppressionReason Reason, string Source, DateTimeOffset At)>();
        var problems = new List<string>();
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        while (await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = CsvRecord.Parse(line, out var error);
            if (fields is null)
            {
                problems.Add($"line {lineNumber}: {error}");
                continue;
            }

            if (columns is null)
            {
                columns = fields.Select((name, index) => (name, index))
                    .GroupBy(c => c.name.Trim().TrimStart('\uFEFF').ToLowerInvariant())
                    .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
                if (!columns.ContainsKey(AddressColumn))
                {
                    throw new FormatException(
                        $"The CSV has no \"{AddressColumn}\" column; its first line must be a header such as \"{Header}\" " +
                        "(only address is required). Nothing was imported.");
                }

                continue;
            }

            if (ReadRow(fields, columns, source, now, out var row) is { } problem)
            {
                problems.Add($"line {lineNumber}: {problem}");
            }
            else
            {
                rows.Add(row);
            }
        }

        if (problems.Count > 0)
        {
            var shown = string.Join("; ", problems.Take(MaxReportedProblems));
            var more = problems.Count > MaxReportedProblems ? $" and {problems.Count - MaxReportedProblems} more" : "";
            throw new FormatException($"The CSV has {problems.Count} row(s) that cannot be imported: {shown}{more}. Nothing was imported; fix those rows and import the file again.");
        }

        var added = 0;
        foreach (var (address, reason, rowSource, at) in rows)
        {
            if (await list.AddAsync(address, reason, rowSource, at, cancellationToken).ConfigureAwait(false))
            {
                added++;
            }
        }

        return new SuppressionImportResult(added, rows.Count - added);
    }

    internal static string FormatTime(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    internal static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time) ||
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);

    /// <summary>Reads a reason as written by an export (<c>HardBounce</c>) or by people and providers (<c>hard bounce</c>, <c>hard_bounce</c>, <c>spam complaint</c>).</summary>
    internal static bool TryParseReason(string text, out SuppressionReason reason)
    {
        var compact = new string(text.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        switch (compact)
        {
            case "hardbounce" or "bounce" or "bounced":
                reason = SuppressionReason.HardBounce;
                return true;
            case "complaint" or "spamcomplaint" or "spamreport" or "spam":
                reason = SuppressionReason.Complaint;
                return true;
            case "unsubscribed" or "unsubscribe":
                reason = SuppressionReason.Unsubscribed;
                return true;
            case "manual" or "manualsuppression":
                reason = SuppressionReason.Manual;
                return true;
            default:
                reason = default;
                return false;
        }
    }

    private static string? ReadRow(
        List<string> fields, Dictionary<string, int> columns, string defaultSource, DateTimeOffset now,
        out (EmailAddress Address, SuppressionReason Reason, string Source, DateTimeOffset At) row)
    {
        row = default;
        string Field(string column) => columns.TryGetValue(column, out var index) && index < fields.Count ? fields[index] : "";

        if (!EmailAddress.TryParse(Field(AddressColumn), out var address, out var addressError))
        {
            return addressError;
        }

        var reason = SuppressionReason.Manual;
        if (Field(ReasonColumn) is { Length: > 0 } reasonText && !TryParseReason(reasonText, out reason))
        {
            return $"\"{reasonText}\" is not a reason (use one of {Reasons})";
        }

        var at = now;
        if (Field(TimeColumn) is { Length: > 0 } timeText && !TryParseTime(timeText, out at))
        {
            return $"\"{timeText}\" is not a date and time (use ISO 8601, e.g. 2024-05-01T10:00:00Z)";
        }

        row = (address, reason, Field(SourceColumn) is { Length: > 0 } source ? source : defaultSource, at);
        return null;
    }
}
