using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mailing.Sample.Web.Emails;
using Mailing.Testing;
using Mailing.Transports.Local;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.Sample.Web.Tests;

/// <summary>The sample's endpoints, through the app's own registration with the in-memory transport.</summary>
public sealed class SampleEndpointTests : IClassFixture<SampleEndpointTests.SampleApp>
{
    private readonly SampleApp _app;

    public SampleEndpointTests(SampleApp app)
    {
        _app = app;
        _app.Mail.Clear();
    }

    [Fact]
    public async Task Posting_an_email_sends_it_with_the_inline_logo_to_the_given_recipient()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/emails/order-receipt?to=" + Uri.EscapeDataString("Ben <ben@example.org>"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = _app.Mail.Sent<OrderReceiptEmail>().To("ben@example.org").WithSubject("Your receipt for order 1042");
        Assert.Contains(sent.Message.InlineResources, resource => resource.ContentId == "logo");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(sent.Message.MessageId, body.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task A_culture_in_the_query_is_the_recipients_culture()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/emails/weekly-digest?culture=en-US", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _app.Mail.Sent<WeeklyDigestEmail>().WithHtmlContaining("$1,234.50");
    }

    [Fact]
    public async Task An_invalid_address_is_a_400_that_says_why_and_nothing_is_sent()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/emails/welcome?to=ann%40example..com", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ann@example..com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _app.Mail.NothingSent();
    }

    [Fact]
    public async Task An_unknown_email_is_a_404_naming_the_ones_that_exist()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/emails/newsletter", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.All(SampleEmails.All, sample => Assert.Contains(sample.Name, problem, StringComparison.Ordinal));
        _app.Mail.NothingSent();
    }

    [Fact]
    public async Task The_home_page_offers_every_sample_email()
    {
        using var client = _app.CreateClient();

        var page = await client.GetStringAsync("/");

        Assert.All(SampleEmails.All, sample => Assert.Contains($"data-email=\"{sample.Name}\"", page, StringComparison.Ordinal));
    }

    /// <summary>The sample app (its entry point found through <see cref="SampleEmailSender"/>'s assembly) outside Development (no dev inbox, no ports bound) with the in-memory transport.</summary>
    public sealed class SampleApp : WebApplicationFactory<SampleEmailSender>
    {
        public InMemoryTransport Mail => Services.GetRequiredService<InMemoryTransport>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Mailing:Transport", "memory://default");
        }
    }
}
