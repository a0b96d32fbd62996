using Microsoft.Playwright;

namespace Mailing.DevInbox.Tests.Embedding;

/// <summary>The previews page in a real browser, under its real Content-Security-Policy.</summary>
public sealed class PreviewsPageBrowserTests
{
    // The machine's Chromium; Playwright's own download needs the internet.
    private static readonly string Chromium = Environment.GetEnvironmentVariable("MAILING_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task PickingAPreviewAndACulture_ShowsItRendered_AndSendPutsItInTheInbox()
    {
        await using var app = await EmbeddedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                violations.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync($"{app.Address}{EmbeddedApp.Prefix}/previews");
        await page.SelectOptionAsync("#culture", "de-DE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Large order" }).ClickAsync();

        await Assertions.Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Order 1042 has shipped");
        await Assertions.Expect(page.Locator("#preview-text")).ToContainTextAsync("Total: 1.234,50");
        await Assertions.Expect(page.FrameLocator("#preview-html").Locator("p")).ToContainTextAsync("Total: 1.234,50");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send to inbox" }).ClickAsync();
        await Assertions.Expect(page.Locator("#send-status")).ToContainTextAsync("In the inbox");
        var messages = await app.GetJsonAsync("api/messages");
        Assert.Equal("Order 1042 has shipped", Assert.Single(messages.GetProperty("messages").EnumerateArray()).GetProperty("subject").GetString());
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task ARenderFailure_IsShownOnThePage()
    {
        await using var app = await EmbeddedApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{app.Address}{EmbeddedApp.Prefix}/previews");
        await page.GetByRole(AriaRole.Button, new() { Name = "Broken" }).ClickAsync();

        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("ShipmentEmail.Broken() failed: InvalidOperationException: sample data missing");
    }
}
