using Microsoft.Playwright;

namespace Mailing.DevInbox.Tests.Browser;

/// <summary>The web inbox as a user sees it in one browser tab: rows, the message view, the chaos panel.</summary>
internal sealed class InboxPage(IPage page)
{
    public IPage Page => page;

    public ILocator Rows => page.Locator("#messages li.message");

    public ILocator Banner => page.Locator("#chaos-banner");

    public IFrameLocator Frame => page.FrameLocator("#frame");

    public static async Task<InboxPage> OpenAsync(IBrowserContext context, RunningInbox inbox)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(inbox.App.HttpAddress.ToString());
        // The list is drawn once the capacity line is: before that an empty list means nothing.
        await Assertions.Expect(page.Locator("#capacity")).ToContainTextAsync("past");
        return new InboxPage(page);
    }

    public ILocator Row(string subject) => page.Locator("#messages li.message", new PageLocatorOptions { HasText = subject });

    public async Task OpenMessageAsync(string subject)
    {
        await Row(subject).Locator("a.open").ClickAsync();
        await Assertions.Expect(page.Locator("#view-subject")).ToHaveTextAsync(subject);
    }

    public Task ShowTabAsync(string tab) => page.Locator($"#tabs button[data-tab={tab}]").ClickAsync();

    /// <summary>Whether the page itself scrolls sideways: a phone layout must not.</summary>
    public Task<bool> ScrollsSidewaysAsync() =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
