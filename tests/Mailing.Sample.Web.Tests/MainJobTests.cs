using System.Net;
using System.Net.Sockets;
using Mailing.DevInbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mailing.Sample.Web.Tests;

/// <summary>
/// What <c>--once</c> does, in Development: every sample goes over real SMTP to the embedded dev
/// inbox, and the check through the inbox's REST API passes only when every one arrived.
/// </summary>
public sealed class MainJobTests : IClassFixture<MainJobTests.DevelopmentApp>
{
    private static readonly TimeSpan ShortPatience = TimeSpan.FromSeconds(2);
    private readonly DevelopmentApp _app;

    public MainJobTests(DevelopmentApp app) => _app = app;

    [Fact]
    public async Task Every_sample_arrives_in_the_embedded_inbox_and_the_check_passes_only_while_all_are_there()
    {
        using var client = _app.CreateClient();
        (await client.DeleteAsync("/_mailing/api/messages")).EnsureSuccessStatusCode();
        var output = new StringWriter();

        var report = await StartupRun.SendAllAsync(_app.Services.GetRequiredService<SampleEmailSender>(), output, CancellationToken.None);
        var verified = await InboxVerifier.VerifyAsync(client, report, output, ShortPatience, CancellationToken.None);

        Assert.True(report.AllSent, output.ToString());
        Assert.True(verified, output.ToString());
        Assert.Equal(SampleEmails.All.Count, report.Deliveries.Count);

        (await client.DeleteAsync("/_mailing/api/messages")).EnsureSuccessStatusCode();
        var afterDelete = new StringWriter();
        Assert.False(await InboxVerifier.VerifyAsync(client, report, afterDelete, ShortPatience, CancellationToken.None));
        Assert.Contains("MISSING welcome", afterDelete.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_is_mapped_in_Development()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/_mailing/api/messages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The sample in Development, its inbox's SMTP listener on a free loopback port and the app's transport pointed at it; the test sends, not the start-up run.</summary>
    public sealed class DevelopmentApp : WebApplicationFactory<SampleEmailSender>
    {
        private readonly int _smtpPort = FreePort();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            builder.UseSetting("Mailing:Transport", $"smtp://127.0.0.1:{_smtpPort}?security=none");
            builder.UseSetting("Sample:SendOnStart", "false");
            builder.ConfigureTestServices(services => services.Configure<DevInboxOptions>(options => options.SmtpPort = _smtpPort));
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
