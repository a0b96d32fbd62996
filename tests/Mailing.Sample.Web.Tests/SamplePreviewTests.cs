using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Mailing.Sample.Web.Tests;

/// <summary>The sample's [EmailPreview] methods reach the dev inbox's previews through the generated registry.</summary>
public sealed class SamplePreviewTests : IClassFixture<MainJobTests.DevelopmentApp>
{
    private readonly MainJobTests.DevelopmentApp _app;

    public SamplePreviewTests(MainJobTests.DevelopmentApp app) => _app = app;

    [Fact]
    public void Every_sample_template_has_a_preview_and_each_renders_in_German()
    {
        var previews = EmailPreviewCatalog.Previews.Where(preview => preview.Create().GetType().Assembly == typeof(SampleEmails).Assembly).ToArray();
        var templates = SampleEmails.All.Select(sample => sample.Create().GetType().Name).ToHashSet();

        Assert.Equal(templates, previews.Select(preview => preview.TemplateName).ToHashSet());
        Assert.All(previews, preview =>
        {
            var email = preview.Render(CultureInfo.GetCultureInfo("de-DE"));
            Assert.False(string.IsNullOrWhiteSpace(email.Subject), preview.Name);
            Assert.Contains("Acme Shop", email.Html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_embedded_inbox_lists_the_sample_previews()
    {
        using var client = _app.CreateClient();

        using var list = JsonDocument.Parse(await client.GetStringAsync("/_mailing/api/previews"));

        var text = list.RootElement.GetRawText();
        Assert.Contains("OrderReceiptEmail", text, StringComparison.Ordinal);
        Assert.Contains("No discount, free shipping", text, StringComparison.Ordinal);
        using var page = await client.GetAsync("/_mailing/previews");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
