using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailing.AspNetCore.Tests.Unsubscribe;

/// <summary><c>Mailing:Unsubscribe</c>: checked when the app starts, every problem naming the key.</summary>
public sealed class UnsubscribeOptionsTests
{
    [Theory]
    [InlineData("""{ "LinkLifetime": "30.00:00:00" }""", "Mailing:Unsubscribe:Url is missing")]
    [InlineData("""{ "Url": "http://shop.example/unsubscribe" }""", "Mailing:Unsubscribe:Url is http://shop.example/unsubscribe, which is not https")]
    [InlineData("""{ "Url": "/unsubscribe" }""", "Mailing:Unsubscribe:Url is \"/unsubscribe\", which is not an absolute URL")]
    [InlineData("""{ "Url": "https://shop.example/unsubscribe", "LinkLifetime": "a month" }""", "Mailing:Unsubscribe:LinkLifetime is \"a month\", which is not a duration")]
    [InlineData("""{ "Url": "https://shop.example/unsubscribe", "LinkLifetime": "-1.00:00:00" }""", "Mailing:Unsubscribe:LinkLifetime is -1.00:00:00; it must be positive")]
    public async Task BadSettings_StopTheAppAtStartUp_NamingTheKey(string unsubscribe, string problem)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(unsubscribe));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredLifetime_DecidesWhenLinksExpire()
    {
        await using var app = await StartAsync("""{ "Url": "https://shop.example/unsubscribe", "LinkLifetime": "30.00:00:00" }""");

        Assert.Equal(TimeSpan.FromDays(30), app.Services.GetRequiredService<IOptions<UnsubscribeOptions>>().Value.LinkLifetime);
        Assert.StartsWith("https://shop.example/unsubscribe?token=", app.Services.GetRequiredService<UnsubscribeLinks>().Create("ann@example.net", "newsletter").AbsoluteUri, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(string unsubscribe)
    {
        var json = $$"""{ "Mailing": { "From": "news@shop.example", "Transport": "memory://default", "Unsubscribe": {{unsubscribe}} } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddMailing(configuration.GetSection("Mailing")).AddUnsubscribe(configuration.GetSection("Mailing:Unsubscribe"));
        var app = builder.Build();
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
