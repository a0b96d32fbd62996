using Mailing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the one-click unsubscribe endpoint (RFC 8058) that <see cref="UnsubscribeLinks"/> links to.</summary>
public static class UnsubscribeEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Answers unsubscribe links at <paramref name="pattern"/>: the one-click POST mailbox providers send
    /// (<c>List-Unsubscribe=One-Click</c>) and the confirmation page a person who opens the link sees; each accepted
    /// unsubscribe goes to <paramref name="handler"/> with the recipient and the list.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The path, e.g. <c>/unsubscribe</c>; <see cref="UnsubscribeOptions.Url"/> must end with it.</param>
    /// <param name="handler">Records the unsubscribe, e.g. in the application's database; see <see cref="IUnsubscribeHandler"/> for what it must allow for.</param>
    /// <returns>A builder for the endpoints' conventions (host, rate limiting); do not require authorization, which one-click forbids.</returns>
    /// <exception cref="InvalidOperationException"><c>AddUnsubscribe</c> was not called, or the pattern is not the path of <see cref="UnsubscribeOptions.Url"/>.</exception>
    /// <remarks>
    /// <para>
    /// A valid link unsubscribes with one POST and no cookies, login or antiforgery token (the endpoints allow anonymous
    /// access and skip antiforgery validation); an altered or foreign link gets 400 and an expired one 410, and neither
    /// reaches the handler. A GET never unsubscribes: it shows a page whose button POSTs.
    /// </para>
    /// <para>Every answer is <c>no-store</c>, <c>no-referrer</c> and <c>noindex</c>: the link identifies a person.</para>
    /// </remarks>
    public static IEndpointConventionBuilder MapMailingUnsubscribe(this IEndpointRouteBuilder endpoints, string pattern, Func<UnsubscribeRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, new DelegateUnsubscribeHandler(handler));
    }

    /// <summary>
    /// Answers unsubscribe links at <paramref name="pattern"/> like the other overload, handing each accepted unsubscribe
    /// to the <see cref="IUnsubscribeHandler"/> registered in DI (resolved per request, so it may be scoped).
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The path, e.g. <c>/unsubscribe</c>; <see cref="UnsubscribeOptions.Url"/> must end with it.</param>
    /// <returns>A builder for the endpoints' conventions.</returns>
    /// <exception cref="InvalidOperationException"><c>AddUnsubscribe</c> was not called, no <see cref="IUnsubscribeHandler"/> is registered, or the pattern is not the path of <see cref="UnsubscribeOptions.Url"/>.</exception>
    public static IEndpointConventionBuilder MapMailingUnsubscribe(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(IUnsubscribeHandler)) == false)
        {
            throw new InvalidOperationException("No IUnsubscribeHandler is registered: add one (builder.Services.AddScoped<IUnsubscribeHandler, MyUnsubscribeHandler>()), or pass the handler to MapMailingUnsubscribe(pattern, handler).");
        }

        return Map(endpoints, pattern, handler: null);
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, IUnsubscribeHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var services = endpoints.ServiceProvider;
        var tokens = services.GetService<UnsubscribeTokens>()
            ?? throw new InvalidOperationException("Call builder.Services.AddMailing(...).AddUnsubscribe(builder.Configuration.GetSection(\"Mailing:Unsubscribe\")) before app.MapMailingUnsubscribe(...).");
        var options = services.GetRequiredService<IOptions<UnsubscribeOptions>>().Value;
        var path = "/" + pattern.Trim('/');
        if (path.Contains('{', StringComparison.Ordinal) || !options.Url!.AbsolutePath.TrimEnd('/').EndsWith(path, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"MapMailingUnsubscribe(\"{pattern}\") does not serve {options.SectionPath}:Url ({options.Url!.GetLeftPart(UriPartial.Path)}), the address every link points to: map the path of that URL (a fixed path, without route parameters), or change the URL.");
        }

        var endpoint = new UnsubscribeEndpoint(
            tokens,
            services.GetRequiredService<ReplayGuard>(),
            handler,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Mailing.Unsubscribe"));

        // One-click forbids anything beyond the link: no login (a fallback authorization policy must not apply), no
        // antiforgery token (the POST comes from the mailbox provider, not from a page of ours).
        var group = endpoints.MapGroup(path).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        group.MapGet("", new RequestDelegate(endpoint.GetAsync)).WithDisplayName("Mailing unsubscribe page");
        group.MapPost("", new RequestDelegate(endpoint.PostAsync)).WithDisplayName("Mailing one-click unsubscribe");
        return group;
    }
}
