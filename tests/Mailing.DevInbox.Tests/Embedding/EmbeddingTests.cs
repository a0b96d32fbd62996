using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.DevInbox.Tests.Embedding;

/// <summary>The inbox hosted inside an app: mail sent through inbox:// arrives, the app's previews render and send, Development only.</summary>
public sealed class EmbeddingTests
{
    [Fact]
    public async Task MailSentThroughInboxDsn_AppearsInTheEmbeddedInbox()
    {
        await using var app = await EmbeddedApp.StartAsync();

        var result = await app.Services.GetRequiredService<IMailer>().SendAsync(
            new EmailMessage { To = ["ann@example.net"], Bcc = ["audit@example.net"], Subject = "Your receipt", TextBody = "Thanks.", HtmlBody = "<p>Thanks.</p>" },
            RunningInbox.Timeout());

        Assert.Equal("inbox", result.TransportName);
        var list = await app.GetJsonAsync("api/messages");
        var summary = Assert.Single(list.GetProperty("messages").EnumerateArray());
        Assert.Equal("Your receipt", summary.GetProperty("subject").GetString());
        Assert.Equal(result.ProviderMessageId, summary.GetProperty("id").GetString());
        var detail = await app.GetJsonAsync($"api/messages/{result.ProviderMessageId}");
        Assert.Equal("shop@example.com", detail.GetProperty("mailFrom").GetString());
        Assert.Equal(["ann@example.net", "audit@example.net"], detail.GetProperty("rcptTo").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.DoesNotContain("audit@example.net", await app.Http.GetStringAsync($"api/messages/{result.ProviderMessageId}/source", RunningInbox.Timeout()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewsEndpoint_ListsTheAppsPreviews_AndRendersOneInGerman()
    {
        await using var app = await EmbeddedApp.StartAsync();

        var list = await app.GetJsonAsync("api/previews");
        var previews = list.GetProperty("previews").EnumerateArray().ToArray();
        Assert.Equal(["ShipmentEmail/Broken", "ShipmentEmail/LargeOrder"], previews.Select(p => $"{p.GetProperty("template").GetString()}/{p.GetProperty("name").GetString()}"));
        var large = previews[1];
        Assert.Equal("Large order", large.GetProperty("displayName").GetString());
        Assert.Equal("A total in the thousands, to check number formatting", large.GetProperty("description").GetString());

        var german = await app.GetJsonAsync("api/previews/ShipmentEmail/LargeOrder?culture=de-DE");
        Assert.Equal("Order 1042 has shipped", german.GetProperty("subject").GetString());
        Assert.Contains("Total: 1.234,50", german.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("Total: 1.234,50", german.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("de-DE", german.GetProperty("culture").GetString());
        var invariant = await app.GetJsonAsync("api/previews/ShipmentEmail/LargeOrder");
        Assert.Contains("Total: 1,234.50", invariant.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewHtml_IsServedUnderTheMessageViewersSandboxPolicy()
    {
        await using var app = await EmbeddedApp.StartAsync();
        await app.Services.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.net"], Subject = "Caught", HtmlBody = "<p>Caught</p>" }, RunningInbox.Timeout());
        var caughtId = (await app.GetJsonAsync("api/messages")).GetProperty("messages")[0].GetProperty("id").GetString();

        using var preview = await app.Http.GetAsync("api/previews/ShipmentEmail/LargeOrder/html?culture=de-DE", RunningInbox.Timeout());
        using var caught = await app.Http.GetAsync($"api/messages/{caughtId}/html", RunningInbox.Timeout());

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("1.234,50", await preview.Content.ReadAsStringAsync(RunningInbox.Timeout()), StringComparison.Ordinal);
        var policy = Assert.Single(preview.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; ", policy, StringComparison.Ordinal);
        Assert.EndsWith("sandbox allow-popups allow-popups-to-escape-sandbox", policy, StringComparison.Ordinal);
        // The same policy as a caught message's HTML, apart from where inline images come from.
        Assert.Equal(WithoutImageSources(Assert.Single(caught.Headers.GetValues("Content-Security-Policy"))), WithoutImageSources(policy));
        Assert.Equal("nosniff", Assert.Single(preview.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(preview.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task SendPreview_DeliversItIntoTheInbox_VisibleInTheMessageList()
    {
        await using var app = await EmbeddedApp.StartAsync();

        using var response = await app.Http.PostAsJsonAsync("api/previews/ShipmentEmail/LargeOrder/send?culture=de-DE", new { to = "qa@example.org" }, RunningInbox.Timeout());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(RunningInbox.Timeout());
        var list = await app.GetJsonAsync("api/messages");
        var summary = Assert.Single(list.GetProperty("messages").EnumerateArray());
        Assert.Equal(sent.GetProperty("id").GetString(), summary.GetProperty("id").GetString());
        Assert.Equal("Order 1042 has shipped", summary.GetProperty("subject").GetString());
        var detail = await app.GetJsonAsync(sent.GetProperty("url").GetString()!.TrimStart('/')[(EmbeddedApp.Prefix.Length)..]);
        Assert.Contains("1.234,50", detail.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(["qa@example.org"], detail.GetProperty("rcptTo").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var header = detail.GetProperty("headers").EnumerateArray().Single(h => h.GetProperty("name").GetString() == "X-Mailing-Preview");
        Assert.Equal("ShipmentEmail/LargeOrder; culture=de-DE", header.GetProperty("value").GetString());
    }

    [Fact]
    public async Task SendPreview_WithoutABody_GoesToTheDefaultRecipient()
    {
        await using var app = await EmbeddedApp.StartAsync();

        using var response = await app.Http.PostAsync("api/previews/ShipmentEmail/LargeOrder/send", null, RunningInbox.Timeout());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var summary = Assert.Single((await app.GetJsonAsync("api/messages")).GetProperty("messages").EnumerateArray());
        Assert.Contains("you@dev-inbox.localhost", summary.GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/previews/ShipmentEmail/Nope", HttpStatusCode.NotFound, "No preview 'Nope' of template 'ShipmentEmail'")]
    [InlineData("api/previews/ShipmentEmail/LargeOrder?culture=xx-NOPE", HttpStatusCode.BadRequest, "'xx-NOPE' is not a culture")]
    [InlineData("api/previews/ShipmentEmail/Broken", HttpStatusCode.InternalServerError, "ShipmentEmail.Broken() failed: InvalidOperationException: sample data missing")]
    public async Task BadPreviewRequests_AreProblemsThatSayWhy(string path, HttpStatusCode status, string detail)
    {
        await using var app = await EmbeddedApp.StartAsync();

        using var response = await app.Http.GetAsync(path, RunningInbox.Timeout());

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(RunningInbox.Timeout()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewsPage_IsServedUnderThePagePolicy_WithItsScriptAndStyles()
    {
        await using var app = await EmbeddedApp.StartAsync();

        using var page = await app.Http.GetAsync("previews", RunningInbox.Timeout());
        var html = await page.Content.ReadAsStringAsync(RunningInbox.Timeout());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("<script src=\"previews.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"inbox.css\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.Contains("The standalone <code>mailing dev</code> has no templates of its own", html, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", await app.Http.GetStringAsync("previews.js", RunningInbox.Timeout()), StringComparison.Ordinal);
        using var styles = await app.Http.GetAsync("previews.css", RunningInbox.Timeout());
        Assert.Equal("text/css", styles.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task StartedApp_LogsWhereTheInboxIs()
    {
        await using var app = await EmbeddedApp.StartAsync();

        Assert.Contains(app.Logs.Lines, line => line.StartsWith($"Mailing dev inbox at {app.Address}{EmbeddedApp.Prefix}/ ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InProduction_NothingIsMapped_AndInboxDsnRefusesToSend()
    {
        await using var app = await EmbeddedApp.StartAsync(environment: "Production");

        using var response = await app.Http.GetAsync("api/messages", RunningInbox.Timeout());
        var refused = await Assert.ThrowsAsync<MailDeliveryException>(() => app.Services.GetRequiredService<IMailer>().SendAsync(
            new EmailMessage { To = ["ann@example.net"], Subject = "Hi", TextBody = "Hi" }, RunningInbox.Timeout()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(MailFailureKind.Configuration, refused.Kind);
        Assert.Contains("off in the Production environment", refused.Message, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Mailing dev inbox not mapped: the environment is Production", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InProduction_Forced_TheInboxIsMappedAndCatches()
    {
        await using var app = await EmbeddedApp.StartAsync(environment: "Production", force: true);

        await app.Services.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.net"], Subject = "Forced", TextBody = "Hi" }, RunningInbox.Timeout());

        Assert.Equal("Forced", Assert.Single((await app.GetJsonAsync("api/messages")).GetProperty("messages").EnumerateArray()).GetProperty("subject").GetString());
    }

    private static string WithoutImageSources(string policy) =>
        string.Join("; ", policy.Split("; ").Where(directive => !directive.StartsWith("img-src ", StringComparison.Ordinal)));
}
