namespace Mailing.DevInbox.Tests.Storage;

/// <summary>The .eml directory store keeps messages across restarts and survives files it cannot read.</summary>
public sealed class DirectoryStorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mailing-devinbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_KeepsMessages_AndSkipsACorruptFile()
    {
        await using (var inbox = await RunningInbox.StartAsync(options => options.StorageDirectory = _directory))
        {
            await using var transport = inbox.Transport();
            await transport.SendAsync(Plain("kept one"), RunningInbox.Timeout());
            await transport.SendAsync(Plain("kept two"), RunningInbox.Timeout());
            await inbox.WaitForSubjectAsync("kept two");
        }

        Assert.Equal(2, Directory.GetFiles(_directory, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(_directory, "*.partial"));
        await File.WriteAllBytesAsync(Path.Combine(_directory, "0000000000001-corrupt.eml"), [0, 1, 2, 255, 254, 10, 13, 0]);

        await using (var restarted = await RunningInbox.StartAsync(options => options.StorageDirectory = _directory))
        {
            var list = await restarted.GetJsonAsync("api/messages");
            var subjects = list.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("subject").GetString()!).ToArray();
            Assert.Equal(["kept two", "kept one"], subjects);
            Assert.Contains(_directory, list.GetProperty("storage").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PastCapacity_TheOldestIsDropped_FromTheDirectoryToo()
    {
        await using var inbox = await RunningInbox.StartAsync(options =>
        {
            options.StorageDirectory = _directory;
            options.MaxMessages = 2;
        });
        await using (var transport = inbox.Transport())
        {
            foreach (var subject in new[] { "first", "second", "third" })
            {
                await transport.SendAsync(Plain(subject), RunningInbox.Timeout());
            }
        }

        await inbox.WaitForSubjectAsync("third");
        var list = await inbox.GetJsonAsync("api/messages");
        Assert.Equal(["third", "second"], list.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("subject").GetString()!).ToArray());
        Assert.Equal(2, list.GetProperty("capacity").GetInt32());
        Assert.Equal(2, Directory.GetFiles(_directory, "*.eml").Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static EmailMessage Plain(string subject) => new()
    {
        From = new EmailAddress("app@example.com"),
        To = [new EmailAddress("ann@example.net")],
        Subject = subject,
        TextBody = subject,
    };
}
