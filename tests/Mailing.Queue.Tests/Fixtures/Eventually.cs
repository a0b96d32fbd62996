namespace Mailing.Queue.Tests.Fixtures;

/// <summary>Waits for something the workers make true. The limit only stops a broken run from hanging; it asserts no speed.</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(2));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public static Task WaitAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        WaitAsync(() => Task.FromResult(condition()), what, limit);
}
