using System.Net;

namespace Mailing.DevInbox.Tests.Api;

/// <summary>`mailing dev` maps the previews page and API at its root, like every other page.</summary>
public sealed class StandalonePreviewsTests
{
    [Fact]
    public async Task StandaloneInbox_ServesThePreviewsPageAndApi()
    {
        await using var inbox = await RunningInbox.StartAsync();

        using var page = await inbox.Http.GetAsync("previews", RunningInbox.Timeout());
        var list = await inbox.GetJsonAsync("api/previews");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // This test assembly has previews of its own (Embedding/ShipmentEmail); the real tool has none.
        Assert.Equal(list.GetProperty("count").GetInt32(), list.GetProperty("previews").GetArrayLength());
        Assert.StartsWith("/api/previews/", list.GetProperty("previews")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }
}
