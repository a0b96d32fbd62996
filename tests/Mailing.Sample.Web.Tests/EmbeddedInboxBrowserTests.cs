using System.Net;
using System.Net.Sockets;
using Mailing.DevInbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Mailing.Sample.Web.Tests;

/// <summary>
/// The dev inbox as the sample embeds it, under <c>/_mailing/</c> on the app's own Kestrel, in
/// Debian's chromium: the sample emails are listed and the receipt renders with its inline logo.
/// </summary>
public sealed class EmbeddedInboxBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly float Patience = 30_000;

    [Fact]
    public async Task The_embedded_inbox_lists_the_sample_emails_and_renders_the_receipt_with_its_inline_logo()
    {
        var httpPort = FreePort();
        await using var app = new KestrelApp(httpPort, FreePort());
        app.StartServer();
        var report = await StartupRun.SendAllAsync(app.Services.GetRequiredService<SampleEmailSender>(), TextWriter.Null, CancellationToken.None);
        Assert.True(report.AllSent);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        // Chromium refuses to start its sandbox as root (as in CI's container); as any other user it keeps it.
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Environment.UserName == "root" ? ["--no-sandbox"] : [] });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        Assertions.SetDefaultExpectTimeout(Patience);

        await page.GotoAsync($"http://localhost:{httpPort}/_mailing/");

        // The app's own start-up run may have sent the samples as well: each must be listed, at least once.
        foreach (var delivery in report.Deliveries)
        {
            await Assertions.Expect(Row(page, delivery.Message.Subject!).First).ToBeVisibleAsync();
        }

        var receipt = report.Deliveries.Single(delivery => delivery.Sample.Name == "order-receipt").Message.Subject!;
        await Row(page, receipt).First.Locator("a.open").ClickAsync();
        await Assertions.Expect(page.Locator("#view-subject")).ToHaveTextAsync(receipt);
        var frame = page.FrameLocator("#frame");
        await Assertions.Expect(frame.Locator("h1")).ToContainTextAsync("Thanks for your order, Ann");
        // First: while the frame swaps documents a locator can briefly see both.
        var logo = frame.Locator("img[alt='Acme Shop']").First;
        await Assertions.Expect(logo).ToBeVisibleAsync();
        Assert.True(await logo.EvaluateAsync<bool>("image => image.complete && image.naturalWidth === 120"), "the cid:logo image renders from the message's own part");
    }

    [Fact]
    public async Task The_previews_page_renders_every_sample_preview_in_the_chosen_culture()
    {
        var httpPort = FreePort();
        await using var app = new KestrelApp(httpPort, FreePort());
        app.StartServer();
        var german = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        var previews = EmailPreviewCatalog.Previews.Where(preview => preview.Create().GetType().Assembly == typeof(SampleEmails).Assembly).ToArray();
        Assert.NotEmpty(previews);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Environment.UserName == "root" ? ["--no-sandbox"] : [] });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        Assertions.SetDefaultExpectTimeout(Patience);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync($"http://localhost:{httpPort}/_mailing/previews");
        await page.SelectOptionAsync("#culture", "de-DE");
        foreach (var preview in previews)
        {
            var expected = preview.Render(german);
            await page.GetByRole(AriaRole.Button, new() { Name = preview.DisplayName, Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("#preview-subject")).ToHaveTextAsync(expected.Subject);
            await Assertions.Expect(page.FrameLocator("#preview-html").Locator("h1")).ToHaveTextAsync(FirstHeading(expected.Html));
        }

        // The logo is attached at send time; in a preview a placeholder names it instead of a blocked cid: load.
        var logo = page.FrameLocator("#preview-html").Locator("img[alt='Acme Shop']").First;
        Assert.StartsWith("data:image/svg+xml,", await logo.GetAttributeAsync("src"), StringComparison.Ordinal);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string FirstHeading(string html)
    {
        var start = html.IndexOf("<h1", StringComparison.Ordinal);
        start = html.IndexOf('>', start) + 1;
        return System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</h1>", start, StringComparison.Ordinal)]).Trim();
    }

    private static ILocator Row(IPage page, string subject) => page.Locator("#messages li.message", new PageLocatorOptions { HasText = subject });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The sample in Development on a real Kestrel (a browser cannot reach a TestServer), with its inbox on free ports.</summary>
    private sealed class KestrelApp : WebApplicationFactory<SampleEmailSender>
    {
        private readonly int _smtpPort;

        public KestrelApp(int httpPort, int smtpPort)
        {
            _smtpPort = smtpPort;
            UseKestrel(httpPort);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            builder.UseSetting("Mailing:Transport", $"smtp://127.0.0.1:{_smtpPort}?security=none");
            builder.ConfigureTestServices(services => services.Configure<DevInboxOptions>(options => options.SmtpPort = _smtpPort));
        }
    }
}
