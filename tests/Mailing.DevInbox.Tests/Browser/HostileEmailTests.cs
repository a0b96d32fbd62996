using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mailing.DevInbox.Tests.Browser;

/// <summary>A hostile email shown in the web inbox runs nothing and loads nothing until the user asks.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileEmailTests(BrowserSession session)
{
    [Fact]
    public async Task HostileEmail_RunsNothing_SubmitsNothing_AndReachesNoRemoteHost()
    {
        await using var tracker = new RemoteHostTrap();
        var remote = tracker.Origin;
        await using var inbox = await RunningInbox.StartAsync();
        await SampleMail.SendAsync(inbox, new EmailMessage
        {
            From = new EmailAddress("attacker@example.com"),
            To = [new EmailAddress("ann@example.net")],
            Subject = "Hostile",
            HtmlBody = $$"""
                <link rel="dns-prefetch" href="//tracker.invalid"><link rel="preconnect" href="{{remote}}">
                <meta http-equiv="refresh" content="0;url={{remote}}/refresh">
                <p id="marker">hello</p>
                <script>window.top.pwned = true; console.log('PWNED script'); fetch('{{remote}}/script');</script>
                <img src="x" onerror="console.log('PWNED onerror'); new Image().src='{{remote}}/onerror'" alt="">
                <img src="{{remote}}/pixel.gif" alt="" width="1" height="1">
                <img src="http://tracker.invalid/pixel.gif" alt="">
                <link rel="stylesheet" href="{{remote}}/style.css">
                <style>@import url({{remote}}/import.css); .bg { background: url({{remote}}/bg.png) }</style>
                <div class="bg" style="background-image:url({{remote}}/inline-bg.png)">bg</div>
                <a id="js" href="javascript:console.log('PWNED link')">click</a>
                <a id="tab" href="JaVa&#09;script:console.log('PWNED tab')">tab</a>
                <form action="{{remote}}/form" method="post"><input name="q" value="1"><button id="submit">Go</button></form>
                <iframe src="{{remote}}/frame"></iframe>
                <object data="{{remote}}/object"></object>
                <svg><image href="{{remote}}/svg.png" width="1" height="1"/></svg>
                """,
        });

        await using var context = await session.NewContextAsync();
        var console = new List<string>();
        var requests = new List<string>();
        context.Console += (_, message) => console.Add(message.Text);
        context.Request += (_, request) => requests.Add(request.Url);
        var ui = await InboxPage.OpenAsync(context, inbox);
        await ui.OpenMessageAsync("Hostile");
        await Expect(ui.Frame.Locator("#marker")).ToHaveTextAsync("hello");
        await ui.Frame.Locator("#js").ClickAsync();
        await ui.Frame.Locator("#tab").ClickAsync();
        await ui.Frame.Locator("#submit").ClickAsync();
        await ui.ShowTabAsync("raw");
        await Expect(ui.Page.Locator("#tab-raw")).ToContainTextAsync("PWNED script");
        await ui.ShowTabAsync("links");
        await Expect(ui.Page.Locator("#tab-links")).ToContainTextAsync("javascript:");

        // The HTML URL opened on its own, outside the sandboxed frame.
        var direct = await context.NewPageAsync();
        var id = (await inbox.WaitForSubjectAsync("Hostile")).GetProperty("id").GetString();
        await direct.GotoAsync(new Uri(inbox.App.HttpAddress, $"api/messages/{id}/html").ToString());
        await Expect(direct.Locator("#marker")).ToHaveTextAsync("hello");
        await direct.Locator("#js").ClickAsync();
        await direct.Locator("#submit").ClickAsync();
        await ui.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await direct.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.DoesNotContain(console, line => line.Contains("PWNED", StringComparison.Ordinal));
        Assert.True(await ui.Page.EvaluateAsync<bool>("() => window.pwned === undefined"), "a script in the message ran in the inbox");
        Assert.Equal("Mailing dev inbox", await ui.Page.TitleAsync());
        Assert.DoesNotContain(requests, url => url.StartsWith(remote, StringComparison.Ordinal) || url.Contains("tracker.invalid", StringComparison.Ordinal));
        Assert.True(tracker.Connections == 0, tracker.Report());

        // The trap does see a browser that is allowed to load: remote images only, once the user asks.
        await ui.ShowTabAsync("html");
        await ui.Page.Locator("#remote").CheckAsync();
        await Expect(ui.Frame.Locator("#marker")).ToHaveTextAsync("hello");
        await tracker.WaitForRequestAsync("GET /pixel.gif ", RunningInbox.Timeout());
        await ui.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.All(tracker.Requests, line => Assert.Matches("^GET /(pixel.gif|bg.png|inline-bg.png|svg.png) ", line));
        Assert.DoesNotContain(console, line => line.Contains("PWNED", StringComparison.Ordinal));
    }
}
