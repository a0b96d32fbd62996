using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>One-click unsubscribe links for bulk mail: <c>services.AddMailing(...).AddUnsubscribe(...)</c>.</summary>
public static class UnsubscribeMailingBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="UnsubscribeLinks"/> and what <c>MapMailingUnsubscribe</c> needs, with settings from
    /// <paramref name="section"/> (usually <c>Mailing:Unsubscribe</c>), validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMailing</c>.</param>
    /// <param name="section">Keys: <c>Url</c> (the endpoint's public https address, required) and <c>LinkLifetime</c>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Links are signed with ASP.NET Core Data Protection, which this registers with its defaults. In production, persist
    /// the key ring where every instance that sends or answers links can read it
    /// (<c>services.AddDataProtection().SetApplicationName("shop").PersistKeysTo...</c>); keys kept only in memory make
    /// every link sent before a restart invalid.
    /// </remarks>
    public static MailingBuilder AddUnsubscribe(this MailingBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<UnsubscribeOptions>>(new ConfigurationChangeTokenSource<UnsubscribeOptions>(section));
        return Add(builder, options => UnsubscribeOptionsBinder.Bind(section, options));
    }

    /// <summary>Registers <see cref="UnsubscribeLinks"/> and what <c>MapMailingUnsubscribe</c> needs, with settings given in code.</summary>
    /// <param name="builder">The builder returned by <c>AddMailing</c>.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.Url = new Uri("https://shop.example/unsubscribe")</c>.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder AddUnsubscribe(this MailingBuilder builder, Action<UnsubscribeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, configure);
    }

    private static MailingBuilder Add(MailingBuilder builder, Action<UnsubscribeOptions> configure)
    {
        var services = builder.Services;
        services.AddOptions<UnsubscribeOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UnsubscribeOptions>, UnsubscribeOptionsValidator>());
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new UnsubscribeTokens(sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new ReplayGuard(sp.GetRequiredService<TimeProvider>(), UnsubscribeEndpoint.ReplayWindow, UnsubscribeEndpoint.ReplayCapacity));
        services.TryAddSingleton(static sp => new UnsubscribeLinks(sp.GetRequiredService<UnsubscribeTokens>(), sp.GetRequiredService<IOptionsMonitor<UnsubscribeOptions>>()));
        return builder;
    }
}
