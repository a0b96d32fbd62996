namespace Mailing.Runtime.Tests.Suppression;

/// <summary>The two stores behave alike: one entry per address whatever its case, widened but never narrowed, removable.</summary>
public sealed class SuppressionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mailing-suppression-{Guid.NewGuid():N}");

    public static TheoryData<string> Stores => new() { "memory", "file" };

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AnAddress_IsFoundWhateverItsCase_WithItsReasonSourceAndTime(string store)
    {
        var list = Create(store);

        Assert.True(await list.AddAsync("Ann <Ann@Example.COM>", SuppressionReason.HardBounce, "postmark bounce event 42", Monday));

        var entry = await list.FindAsync("ann@example.com");
        Assert.Equal(new SuppressionEntry("ann@example.com", SuppressionReason.HardBounce, "postmark bounce event 42", Monday), entry);
        Assert.Null(await list.FindAsync("bob@example.com"));
        await DisposeAsync(list);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ASecondReport_KeepsTheFirstEntry_UnlessItStopsMoreMail(string store)
    {
        var list = Create(store);

        Assert.True(await list.AddAsync("ann@example.com", SuppressionReason.Unsubscribed, "unsubscribe link", Monday));
        Assert.True(await list.AddAsync("ann@example.com", SuppressionReason.HardBounce, "sendgrid", Monday.AddDays(1)));
        Assert.False(await list.AddAsync("ann@example.com", SuppressionReason.Complaint, "mailgun", Monday.AddDays(2)));
        Assert.False(await list.AddAsync("ann@example.com", SuppressionReason.Unsubscribed, "unsubscribe link", Monday.AddDays(3)));

        var entry = await list.FindAsync("ann@example.com");
        Assert.Equal(SuppressionReason.HardBounce, entry?.Reason);
        Assert.Equal("sendgrid", entry?.Source);
        await DisposeAsync(list);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RemovingAnAddress_TakesItOffTheList(string store)
    {
        var list = Create(store);
        await list.AddAsync("ann@example.com", SuppressionReason.Complaint, "test", Monday);

        Assert.True(await list.RemoveAsync("ANN@example.com"));
        Assert.False(await list.RemoveAsync("ann@example.com"));

        Assert.Null(await list.FindAsync("ann@example.com"));
        Assert.Empty(await list.ListAsync().ToListAsync());
        await DisposeAsync(list);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ASourceWithALineBreak_IsRefused(string store)
    {
        var list = Create(store);

        await Assert.ThrowsAsync<ArgumentException>(() => list.AddAsync("ann@example.com", SuppressionReason.Manual, "a\nb", Monday));

        Assert.Null(await list.FindAsync("ann@example.com"));
        await DisposeAsync(list);
    }

    [Fact]
    public async Task TheFileStore_RemembersAcrossInstances_IncludingRemovalsAndWidenedEntries()
    {
        var path = Path.Combine(_directory, "nested", "suppressions.csv");
        await using (var first = new FileSuppressionList(path))
        {
            await first.AddAsync("ann@example.com", SuppressionReason.Unsubscribed, "unsubscribe link", Monday);
            await first.AddAsync("ann@example.com", SuppressionReason.HardBounce, "sendgrid, event \"x\"", Monday.AddHours(1));
            await first.AddAsync("bob@example.com", SuppressionReason.Complaint, "postmark", Monday);
            await first.AddAsync("carol@example.com", SuppressionReason.Manual, "support", Monday);
            await first.RemoveAsync("carol@example.com");
        }

        await using var second = new FileSuppressionList(path);
        var entries = await second.ListAsync().OrderBy(e => e.Address).ToListAsync();

        Assert.Equal(
            [
                new SuppressionEntry("ann@example.com", SuppressionReason.HardBounce, "sendgrid, event \"x\"", Monday.AddHours(1)),
                new SuppressionEntry("bob@example.com", SuppressionReason.Complaint, "postmark", Monday),
            ],
            entries);

        // Reading it compacted the file to what the list holds.
        await second.DisposeAsync();
        Assert.Equal(3, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task TheFileStore_IsOwnedByOneProcessAtATime_AndSaysWhatToDoInstead()
    {
        var path = Path.Combine(_directory, "suppressions.csv");
        await using var owner = new FileSuppressionList(path);
        await owner.AddAsync("ann@example.com", SuppressionReason.HardBounce, "test", Monday);

        await using var other = new FileSuppressionList(path);
        var error = await Assert.ThrowsAsync<IOException>(() => other.FindAsync("ann@example.com"));

        Assert.Contains("one process", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISuppressionList", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALastLineCutShortByACrash_IsDropped_AndTheRestIsKept()
    {
        var path = Path.Combine(_directory, "suppressions.csv");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(path,
            "op,address,reason,source,suppressed_at\n" +
            "add,ann@example.com,HardBounce,sendgrid,2024-05-06T09:00:00.0000000+00:00\n" +
            "add,bob@exa");

        await using (var list = new FileSuppressionList(path))
        {
            Assert.NotNull(await list.FindAsync("ann@example.com"));
            Assert.Single(await list.ListAsync().ToListAsync());
            await list.AddAsync("carol@example.com", SuppressionReason.Manual, "support", Monday);
        }

        Assert.Equal(
            [
                "op,address,reason,source,suppressed_at",
                "add,ann@example.com,HardBounce,sendgrid,2024-05-06T09:00:00.0000000+00:00",
                "add,carol@example.com,Manual,support,2024-05-06T09:00:00.0000000+00:00",
            ],
            await File.ReadAllLinesAsync(path));
    }

    [Fact]
    public async Task AnUnreadableLine_StopsTheList_NamingTheFileAndLine_InsteadOfLosingIt()
    {
        var path = Path.Combine(_directory, "suppressions.csv");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(path,
            "op,address,reason,source,suppressed_at\n" +
            "add,ann@example.com,HardBounce,sendgrid,2024-05-06T09:00:00Z\n" +
            "add,bob@example.com,Bounced Twice,sendgrid,2024-05-06T09:00:00Z\n");

        await using var list = new FileSuppressionList(path);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => list.FindAsync("ann@example.com"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Bounced Twice\" is not a reason", error.Message, StringComparison.Ordinal);
        Assert.Contains("bob@example.com", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    private ISuppressionList Create(string store) =>
        store == "memory" ? new InMemorySuppressionList() : new FileSuppressionList(Path.Combine(_directory, $"{Guid.NewGuid():N}.csv"));

    private static async Task DisposeAsync(ISuppressionList list)
    {
        if (list is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
