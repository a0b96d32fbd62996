using MailKit.Net.Smtp;
using MimeKit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mailing.DevInbox.Tests.Browser;

/// <summary>The web inbox in a real chromium, against a real inbox that real SMTP clients send to.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebInboxTests(BrowserSession session)
{
    [Fact]
    public async Task List_ShowsANewMessage_AsItArrives_WithoutAReload()
    {
        await using var inbox = await RunningInbox.StartAsync(options => options.MaxMessages = 250);
        await using var context = await session.NewContextAsync();
        var ui = await InboxPage.OpenAsync(context, inbox);
        await Expect(ui.Page.Locator("#messages")).ToContainTextAsync("No messages yet");
        await Expect(ui.Page.Locator("#capacity")).ToContainTextAsync("past 250 the oldest is dropped");
        await ui.Page.EvaluateAsync("() => { window.loadedOnce = true; }");

        await SampleMail.SendAsync(inbox, SampleMail.OrderShipped("Order 1042 shipped (live)"));

        var row = ui.Row("Order 1042 shipped (live)");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".from")).ToHaveTextAsync("\"Example Shop\" <orders@shop.example>");
        await Expect(row.Locator(".to")).ToContainTextAsync("ann@example.net");
        await Expect(row.Locator(".attachment-marker")).ToBeVisibleAsync();
        await Expect(row.Locator(".size")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d)? (B|KB)$"));
        await Expect(row.Locator("time")).Not.ToBeEmptyAsync();
        await Expect(ui.Page.Locator("#capacity")).ToContainTextAsync("1 message");
        Assert.True(await ui.Page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded");
    }

    [Fact]
    public async Task Message_OpensWithItsHtmlRenderedInTheSandboxedFrame_AndEveryTab()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await SampleMail.SendAsync(inbox,
            SampleMail.Plain("Welcome to Example Shop", "ann@example.net", "hello@shop.example"),
            SampleMail.Plain("Confirm your email address", "ann@example.net", "accounts@shop.example"),
            SampleMail.Plain("Your password was changed", "bob@example.net", "security@shop.example"),
            SampleMail.OrderShipped("Your order 1042 has shipped"));
        await using var context = await session.NewContextAsync();
        var ui = await InboxPage.OpenAsync(context, inbox);

        await ui.OpenMessageAsync("Your order 1042 has shipped");

        var frame = ui.Page.Locator("#frame");
        Assert.DoesNotContain("allow-scripts", await frame.GetAttributeAsync("sandbox") ?? "allow-scripts (no sandbox)", StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", await frame.GetAttributeAsync("sandbox") ?? "", StringComparison.Ordinal);
        await Expect(ui.Frame.Locator("#headline")).ToHaveTextAsync("Your order has shipped");
        await Expect(ui.Frame.Locator("text=Track your parcel")).ToHaveAttributeAsync("target", "_blank");
        var logo = ui.Frame.Locator("img[alt='Example Shop']");
        await Expect(logo).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/cid/logo$"));
        await ui.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 16"), "the cid: image renders");
        await Screenshots.SaveAsync(ui.Page, "message-view.png");

        await ui.Page.Locator("#width").ClickAsync();
        await Expect(frame).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mobile"));
        Assert.Equal(375, (await frame.BoundingBoxAsync())!.Width, 0.5);
        await ui.Page.Locator("#width").ClickAsync();

        await ui.ShowTabAsync("text");
        await Expect(ui.Page.Locator("#tab-text")).ToContainTextAsync("should arrive on Friday");
        await ui.ShowTabAsync("headers");
        await Expect(ui.Page.Locator("#headers tr", new PageLocatorOptions { HasText = "Subject" })).ToContainTextAsync("Your order 1042 has shipped");
        await ui.ShowTabAsync("raw");
        await Expect(ui.Page.Locator("#tab-raw")).ToContainTextAsync("Content-Type: multipart/");
        await ui.ShowTabAsync("links");
        await Expect(ui.Page.Locator("#tab-links a[href='https://shop.example/orders/1042']")).ToHaveTextAsync("https://shop.example/orders/1042");
        await ui.ShowTabAsync("checks");
        await Expect(ui.Page.Locator("#tab-checks")).ToContainTextAsync("No problems found");
        await ui.ShowTabAsync("attachments");
        var invoice = ui.Page.Locator("#tab-attachments a", new PageLocatorOptions { HasText = "invoice-1042.txt" });
        var download = await ui.Page.RunAndWaitForDownloadAsync(() => invoice.ClickAsync());
        Assert.Equal("invoice-1042.txt", download.SuggestedFilename);
        using (var saved = new StreamReader(await download.CreateReadStreamAsync()))
        {
            Assert.Equal("Invoice 1042: 2 items, 48.00 EUR", await saved.ReadToEndAsync());
        }

        await ui.ShowTabAsync("html");
        await Expect(ui.Frame.Locator("#headline")).ToBeVisibleAsync();
        await Screenshots.SaveForDocsAsync(ui.Page);
    }

    [Fact]
    public async Task Checks_ListWhatAMailClientWillMakeOfTheMessage()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await SampleMail.SendAsync(inbox, new EmailMessage
        {
            From = new EmailAddress("news@example.com"),
            To = [new EmailAddress("ann@example.net")],
            Subject = "Newsletter with problems",
            HtmlBody = "<p><img src=\"cid:missing\"> <a href=\"http://example.com\">read</a></p>",
        });
        await using var context = await session.NewContextAsync();
        var ui = await InboxPage.OpenAsync(context, inbox);

        await ui.OpenMessageAsync("Newsletter with problems");
        await ui.ShowTabAsync("checks");

        var checks = ui.Page.Locator("#tab-checks li.check");
        await Expect(checks.Filter(new() { HasText = "MAIL0102" })).ToContainTextAsync("Image without alt");
        await Expect(checks.Filter(new() { HasText = "DEV003" })).ToContainTextAsync("cid:missing");
        await Expect(checks.Filter(new() { HasText = "MAIL0103" })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#tabs [data-tab=checks]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Checks \(3\)"));
    }

    [Fact]
    public async Task Search_FiltersTheList_AndDeleteRemovesOneMessageOrAll()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await SampleMail.SendAsync(inbox,
            SampleMail.Plain("Welcome aboard", "ann@example.net"),
            SampleMail.Plain("Password reset", "bob@example.net"),
            SampleMail.OrderShipped("Invoice ready"));
        await using var context = await session.NewContextAsync();
        var ui = await InboxPage.OpenAsync(context, inbox);
        await Expect(ui.Rows).ToHaveCountAsync(3);

        await ui.Page.Locator("#search").FillAsync("to:bob");
        await Expect(ui.Rows).ToHaveCountAsync(1);
        await Expect(ui.Rows.First).ToContainTextAsync("Password reset");
        await ui.Page.Locator("#search").FillAsync("has:attachment");
        await Expect(ui.Rows).ToHaveCountAsync(1);
        await Expect(ui.Rows.First).ToContainTextAsync("Invoice ready");
        await ui.Page.Locator("#search").FillAsync("subject:nothing-like-this");
        await Expect(ui.Page.Locator("#messages")).ToContainTextAsync("No message matches");
        await ui.Page.Locator("#search").FillAsync("");
        await Expect(ui.Rows).ToHaveCountAsync(3);

        await ui.Row("Welcome aboard").Locator("button.delete-one").ClickAsync();
        await Expect(ui.Rows).ToHaveCountAsync(2);
        await Expect(ui.Row("Welcome aboard")).ToHaveCountAsync(0);
        Assert.Equal(2, (await inbox.GetJsonAsync("api/messages")).GetProperty("total").GetInt32());

        await ui.OpenMessageAsync("Password reset");
        await ui.Page.Locator("#delete").ClickAsync();
        await Expect(ui.Page.Locator("#view-pane")).ToBeHiddenAsync();
        await Expect(ui.Rows).ToHaveCountAsync(1);

        await ui.Page.Locator("#delete-all").ClickAsync();
        await Expect(ui.Page.Locator("#messages")).ToContainTextAsync("No messages yet");
        Assert.Equal(0, (await inbox.GetJsonAsync("api/messages")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ChaosSwitch_ShowsTheBannerOnEveryView_AndSmtpAnswersTheChosenCode()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await SampleMail.SendAsync(inbox, SampleMail.Plain("Before chaos", "ann@example.net"));
        await using var context = await session.NewContextAsync();
        var ui = await InboxPage.OpenAsync(context, inbox);
        var other = await InboxPage.OpenAsync(context, inbox);
        await other.OpenMessageAsync("Before chaos");
        await Expect(ui.Banner).ToBeHiddenAsync();

        await ui.Page.Locator("#chaos-panel summary").ClickAsync();
        await ui.Page.Locator("#chaos-step").SelectOptionAsync("rcpt");
        await ui.Page.Locator("#chaos-code").SelectOptionAsync("550");
        await ui.Page.Locator("#chaos-rate").FillAsync("1");
        await ui.Page.Locator("#chaos-enabled").CheckAsync();

        await Expect(ui.Banner).ToContainTextAsync("RCPT TO is answered with 550 every time");
        // The other tab, showing a message, hears about it over server-sent events.
        await Expect(other.Banner).ToContainTextAsync("550");
        await Screenshots.SaveAsync(other.Page, "chaos-banner.png");
        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => SendWithMailKitAsync(inbox, "During chaos"));
        Assert.Equal(550, (int)refusal.StatusCode);
        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refusal.ErrorCode);

        await other.Page.Locator("#chaos-banner-off").ClickAsync();
        await Expect(other.Banner).ToBeHiddenAsync();
        await Expect(ui.Banner).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("#chaos-enabled")).Not.ToBeCheckedAsync();
        await SendWithMailKitAsync(inbox, "After chaos");
        await Expect(ui.Row("After chaos")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PhoneSizedWindow_ListAndMessageAreUsable_WithoutSidewaysScrolling()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await SampleMail.SendAsync(inbox,
            SampleMail.Plain("A subject long enough to be cut off on a phone screen rather than widening it", "someone.with.a.long.address@subdomain.example.net"),
            SampleMail.OrderShipped("Your order 1042 has shipped"));
        await using var context = await session.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var ui = await InboxPage.OpenAsync(context, inbox);

        await Expect(ui.Rows).ToHaveCountAsync(2);
        await Expect(ui.Page.Locator("#search")).ToBeVisibleAsync();
        Assert.False(await ui.ScrollsSidewaysAsync(), "the list scrolls sideways");
        var row = (await ui.Row("Your order 1042").BoundingBoxAsync())!;
        Assert.InRange(row.X + row.Width, 1, 390);

        await ui.Row("Your order 1042").Locator("a.open").TapAsync();
        await Expect(ui.Page.Locator("#view-subject")).ToHaveTextAsync("Your order 1042 has shipped");
        await Expect(ui.Page.Locator("#list-pane")).ToBeHiddenAsync();
        await Expect(ui.Frame.Locator("#headline")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#back")).ToBeVisibleAsync();
        Assert.False(await ui.ScrollsSidewaysAsync(), "the message view scrolls sideways");
        var frame = (await ui.Page.Locator("#frame").BoundingBoxAsync())!;
        Assert.InRange(frame.Width, 300, 390);
        await Screenshots.SaveAsync(ui.Page, "phone-message.png");

        await ui.ShowTabAsync("headers");
        Assert.False(await ui.ScrollsSidewaysAsync(), "the headers scroll sideways");
        await ui.Page.Locator("#back").TapAsync();
        await Expect(ui.Row("Your order 1042")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#view-pane")).ToBeHiddenAsync();
    }

    private static async Task SendWithMailKitAsync(RunningInbox inbox, string subject)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", inbox.SmtpPort, MailKit.Security.SecureSocketOptions.None, RunningInbox.Timeout());
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = subject } };
        message.From.Add(MailboxAddress.Parse("app@example.com"));
        message.To.Add(MailboxAddress.Parse("ann@example.net"));
        await client.SendAsync(message, RunningInbox.Timeout());
        await client.DisconnectAsync(true, RunningInbox.Timeout());
    }
}
