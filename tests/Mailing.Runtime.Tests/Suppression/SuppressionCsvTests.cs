using Microsoft.Extensions.Time.Testing;

namespace Mailing.Runtime.Tests.Suppression;

/// <summary>CSV export and import for support staff: round trips, provider exports with only addresses, all-or-nothing on bad rows.</summary>
public sealed class SuppressionCsvTests
{
    private static readonly DateTimeOffset Monday = new(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnExport_ImportsIntoAnotherList_AsTheSameEntries()
    {
        var source = new InMemorySuppressionList();
        await source.AddAsync("ann@example.com", SuppressionReason.HardBounce, "sendgrid, bounce \"550\"", Monday);
        await source.AddAsync("bob@example.com", SuppressionReason.Unsubscribed, "unsubscribe link", Monday.AddMinutes(5));
        var csv = new StringWriter();

        var exported = await source.ExportCsvAsync(csv);
        var target = new InMemorySuppressionList();
        var imported = await target.ImportCsvAsync(new StringReader(csv.ToString()));

        Assert.Equal(2, exported);
        Assert.StartsWith(SuppressionListCsv.Header + "\n", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"sendgrid, bounce \"\"550\"\"\"", csv.ToString(), StringComparison.Ordinal);
        Assert.Equal(new SuppressionImportResult(2, 0), imported);
        Assert.Equal(await source.ListAsync().OrderBy(e => e.Address).ToListAsync(), await target.ListAsync().OrderBy(e => e.Address).ToListAsync());
    }

    [Fact]
    public async Task AProvidersExportWithOnlyAddresses_ImportsAsManualEntries_WithTheGivenSourceAndTheCurrentTime()
    {
        var list = new InMemorySuppressionList();
        await list.AddAsync("ann@example.com", SuppressionReason.HardBounce, "sendgrid", Monday);
        var csv = "\uFEFFEmail Address,Address\nignored,ann@example.com\nignored,  bob@example.com  \n\n";

        var result = await list.ImportCsvAsync(new StringReader(csv), "postmark suppressions export", new FakeTimeProvider(Monday.AddDays(1)));

        Assert.Equal(new SuppressionImportResult(1, 1), result);
        Assert.Equal(new SuppressionEntry("bob@example.com", SuppressionReason.Manual, "postmark suppressions export", Monday.AddDays(1)), await list.FindAsync("bob@example.com"));
        Assert.Equal(SuppressionReason.HardBounce, (await list.FindAsync("ann@example.com"))?.Reason);
    }

    [Fact]
    public async Task ReasonsWrittenByPeople_AreUnderstood()
    {
        var list = new InMemorySuppressionList();
        var csv = "address,reason\na@example.com,hard bounce\nb@example.com,SPAM_COMPLAINT\nc@example.com,unsubscribe\n";

        await list.ImportCsvAsync(new StringReader(csv));

        Assert.Equal(
            [SuppressionReason.HardBounce, SuppressionReason.Complaint, SuppressionReason.Unsubscribed],
            (await list.ListAsync().OrderBy(e => e.Address).ToListAsync()).Select(e => e.Reason));
    }

    [Fact]
    public async Task BadRows_AreAllListedWithTheirLines_AndNothingIsImported()
    {
        var list = new InMemorySuppressionList();
        var csv = "address,reason,suppressed_at\nann@example.com,HardBounce,2024-05-06T09:00:00Z\nnot-an-address,Manual,\ncarol@example.com,Bounced Twice,\ndave@example.com,Manual,yesterday\n\"eve@example.com,Manual,\n";

        var error = await Assert.ThrowsAsync<FormatException>(() => list.ImportCsvAsync(new StringReader(csv)));

        Assert.Contains("4 row(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: \"not-an-address\" is not an email address", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: \"Bounced Twice\" is not a reason", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: \"yesterday\" is not a date and time", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: a quoted field is not closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public async Task AFileWithoutAnAddressColumn_IsRefused_WithTheExpectedHeader()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => new InMemorySuppressionList().ImportCsvAsync(new StringReader("ann@example.com\nbob@example.com\n")));

        Assert.Contains(SuppressionListCsv.Header, error.Message, StringComparison.Ordinal);
    }
}
