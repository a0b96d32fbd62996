using Microsoft.Playwright;

namespace Mailing.DevInbox.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven by Playwright and shared by every browser test (one launch
/// for the suite). Never a downloaded browser: CI installs the distribution's chromium.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of every run, under the test output's <c>artifacts/</c> (ignored by git).</summary>
    public static string ArtifactsDirectory { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "browser")).FullName;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // A shared machine can be slow; this bounds waits for something to appear, it never decides a pass.
        Assertions.SetDefaultExpectTimeout((float)RunningInbox.Patience.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Chromium refuses to start its sandbox as root (as in CI's container); as any other user it keeps it.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A fresh, isolated browser profile for one test.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout((float)RunningInbox.Patience.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
