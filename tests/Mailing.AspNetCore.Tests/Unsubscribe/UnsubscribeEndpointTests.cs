using System.Net;
using Mailing.AspNetCore.Tests.Unsubscribe.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.AspNetCore.Tests.Unsubscribe;

/// <summary>
/// The unsubscribe endpoint on a real Kestrel server over https: what a valid, altered, foreign, expired or repeated
/// link does, with the requests a mailbox provider and a person's browser make.
/// </summary>
public sealed class UnsubscribeEndpointTests
{
    [Fact]
    public async Task OneClickPostWithAValidLink_UnsubscribesTheRecipientFromTheList()
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("Ann Smith <ann@example.net>", "newsletter");

        using var response = await app.OneClickAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(app.Handled);
        Assert.Equal("ann@example.net", request.Recipient.Address);
        Assert.Equal("newsletter", request.List);
        Assert.Equal(UnsubscribeMethod.OneClick, request.Method);
        Assert.Equal(UnsubscribeApp.Start, request.LinkCreatedAt);
        Assert.Contains("will no longer receive", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Link_IsTheConfiguredHttpsUrl_WithATokenThatHidesTheAddress_DifferentEachTime()
    {
        await using var app = await UnsubscribeApp.StartAsync();

        var first = app.Links.Create("ann@example.net", "newsletter");
        var second = app.Links.Create("ann@example.net", "newsletter");

        Assert.Equal(app.Url.GetLeftPart(UriPartial.Path), first.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("?token=", first.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("ann", first.Query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("newsletter", first.Query, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Get_OnlyShowsAConfirmationPage_WhoseButtonThenUnsubscribes()
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("ann@example.net", "newsletter");

        using var page = await app.Client.GetAsync(link);

        // Link scanners and previews open links: a GET must not unsubscribe (RFC 8058 §1).
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(app.Handled);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"unsubscribe\" value=\"confirm\">", html, StringComparison.Ordinal);

        using var confirmed = await app.Client.PostAsync(link, new FormUrlEncodedContent([new("unsubscribe", "confirm")]));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(UnsubscribeMethod.Page, Assert.Single(app.Handled).Method);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public async Task AlteredToken_Is400_AndReachesNoHandler(int position)
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("ann@example.net", "newsletter");
        var token = link.Query["?token=".Length..];
        var index = position < 0 ? token.Length + position : position;
        var altered = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];

        using var post = await app.OneClickAsync(new Uri(app.Url, "?token=" + altered));
        using var get = await app.Client.GetAsync(new Uri(app.Url, "?token=" + altered));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Empty(app.Handled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=")]
    [InlineData("?token=not-a-token")]
    [InlineData("?email=ann@example.net&list=newsletter")]
    public async Task MissingOrMadeUpToken_Is400(string query)
    {
        await using var app = await UnsubscribeApp.StartAsync();

        using var response = await app.OneClickAsync(new Uri(app.Url + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Handled);
    }

    [Fact]
    public async Task LinkMadeByAnotherApplication_Is400()
    {
        await using var other = await UnsubscribeApp.StartAsync();
        await using var app = await UnsubscribeApp.StartAsync();
        var foreign = other.Links.Create("ann@example.net", "newsletter");

        using var response = await app.OneClickAsync(new Uri(app.Url, foreign.Query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Handled);
    }

    [Fact]
    public async Task ExpiredLink_Is410_AndReachesNoHandler_WhileOneADayYoungerStillWorks()
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var old = app.Links.Create("ann@example.net", "newsletter");
        app.Time.Advance(TimeSpan.FromDays(1));
        var younger = app.Links.Create("bob@example.net", "newsletter");

        app.Time.Advance(UnsubscribeOptions.DefaultLinkLifetime - TimeSpan.FromDays(1));
        using var expired = await app.OneClickAsync(old);
        using var expiredPage = await app.Client.GetAsync(old);
        using var valid = await app.OneClickAsync(younger);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Contains("has expired", await expiredPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("bob@example.net", Assert.Single(app.Handled).Recipient.Address);
    }

    [Fact]
    public async Task ConfiguredLinkLifetime_DecidesWhenALinkExpires()
    {
        await using var app = await UnsubscribeApp.StartAsync(
            configure: (web, _) => web.Services.Configure<UnsubscribeOptions>(o => o.LinkLifetime = TimeSpan.FromDays(30)));
        var link = app.Links.Create("ann@example.net", "newsletter");

        app.Time.Advance(TimeSpan.FromDays(29));
        using var young = await app.OneClickAsync(link);
        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        using var expired = await app.OneClickAsync(link);
        using var expiredPage = await app.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, young.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Single(app.Handled);
    }

    [Fact]
    public async Task ReplayedLink_IsAnsweredAgain_ButTheHandlerRunsOnce()
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("ann@example.net", "newsletter");

        using var first = await app.OneClickAsync(link);
        using var replay = await app.OneClickAsync(link);
        using var pageAfterOneClick = await app.Client.PostAsync(link, new FormUrlEncodedContent([new("unsubscribe", "confirm")]));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageAfterOneClick.StatusCode);
        Assert.Single(app.Handled);
    }

    [Fact]
    public async Task ReplayedLinkAfterADay_ReachesTheHandlerAgain_WhichIsWhyHandlersMustBeIdempotent()
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("ann@example.net", "newsletter");

        using var first = await app.OneClickAsync(link);
        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        using var later = await app.OneClickAsync(link);

        Assert.Equal(2, app.Handled.Count);
    }

    [Fact]
    public async Task HandlerThatFails_Is500_AndTheLinkStillWorksAfterwards()
    {
        var attempts = 0;
        await using var app = await UnsubscribeApp.StartAsync(map: (web, running) => web.MapMailingUnsubscribe("/unsubscribe", (request, _) =>
        {
            if (++attempts == 1)
            {
                throw new InvalidOperationException("database down");
            }

            running.Handled.Enqueue(request);
            return Task.CompletedTask;
        }));
        var link = app.Links.Create("ann@example.net", "newsletter");

        using var failed = await app.OneClickAsync(link);
        using var retried = await app.OneClickAsync(link);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Single(app.Handled);
    }

    [Theory]
    [InlineData("List-Unsubscribe", "Two-Clicks")]
    [InlineData("list-unsubscribe", "one-click")]
    [InlineData("unsubscribe", "yes")]
    public async Task PostWithoutTheOneClickBody_Is400_AndUnsubscribesNobody(string field, string value)
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("ann@example.net", "newsletter");

        using var response = await app.Client.PostAsync(link, new FormUrlEncodedContent([new(field, value)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Handled);
    }

    [Fact]
    public async Task OneClickAsMultipartForm_IsAccepted_AndJsonIsNot()
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("ann@example.net", "newsletter");

        using var json = await app.Client.PostAsync(link, new StringContent("{\"List-Unsubscribe\":\"One-Click\"}", System.Text.Encoding.UTF8, "application/json"));
        using var multipart = await app.Client.PostAsync(link, new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, multipart.StatusCode);
        Assert.Single(app.Handled);
    }

    [Fact]
    public async Task EveryAnswer_KeepsTheLinkOutOfCachesRefererAndSearch_AndEncodesWhatItShows()
    {
        await using var app = await UnsubscribeApp.StartAsync();
        var link = app.Links.Create("ann@example.net", "<script>alert(1)</script>");

        using var page = await app.Client.GetAsync(link);
        using var invalid = await app.Client.GetAsync(app.Url);

        foreach (var response in new[] { page, invalid })
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
            Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppWithAFallbackAuthorizationPolicyAndAntiforgery_StillAcceptsTheAnonymousOneClickPost()
    {
        await using var app = await UnsubscribeApp.StartAsync(
            configure: (web, _) =>
            {
                web.Services.AddAuthentication();
                web.Services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                web.Services.AddAntiforgery();
            },
            map: (web, running) =>
            {
                web.UseAuthorization();
                web.UseAntiforgery();
                web.MapMailingUnsubscribe("/unsubscribe", (request, _) =>
                {
                    running.Handled.Enqueue(request);
                    return Task.CompletedTask;
                });
                web.MapGet("/account", () => "private");
            });
        var link = app.Links.Create("ann@example.net", "newsletter");

        using var account = await app.Client.GetAsync(new Uri(app.Url, "/account"));
        using var response = await app.OneClickAsync(link);

        Assert.NotEqual(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Handled);
    }

    [Fact]
    public async Task HandlerRegisteredInDI_IsResolvedPerRequest()
    {
        var handlers = new List<RecordingHandler>();
        await using var app = await UnsubscribeApp.StartAsync(
            configure: (web, _) => web.Services.AddScoped<IUnsubscribeHandler>(_ =>
            {
                var handler = new RecordingHandler();
                lock (handlers)
                {
                    handlers.Add(handler);
                }

                return handler;
            }),
            map: (web, _) => web.MapMailingUnsubscribe("/unsubscribe"));

        using var first = await app.OneClickAsync(app.Links.Create("ann@example.net", "digest"));
        using var second = await app.OneClickAsync(app.Links.Create("bob@example.net", "newsletter"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, handlers.Count);
        Assert.Equal("digest", Assert.Single(handlers[0].Lists));
        Assert.Equal("newsletter", Assert.Single(handlers[1].Lists));
    }

    [Fact]
    public async Task MappingWithoutAHandlerInDI_FailsAtStartUp_SayingWhatToRegister()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => UnsubscribeApp.StartAsync(map: (web, _) => web.MapMailingUnsubscribe("/unsubscribe")));

        Assert.Contains("No IUnsubscribeHandler is registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingAnotherPathThanTheConfiguredUrl_FailsAtStartUp()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => UnsubscribeApp.StartAsync(map: (web, _) => web.MapMailingUnsubscribe("/optout", (_, _) => Task.CompletedTask)));

        Assert.Contains("MapMailingUnsubscribe(\"/optout\") does not serve Mailing:Unsubscribe:Url", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHandler : IUnsubscribeHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lists { get; } = new();

        public Task UnsubscribeAsync(UnsubscribeRequest request, CancellationToken cancellationToken)
        {
            Lists.Enqueue(request.List);
            return Task.CompletedTask;
        }
    }
}
