using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailing;

/// <summary>Registers handlers of provider events: <c>AddMailing(...).AddEventHandler&lt;BounceNotifier&gt;()</c>.</summary>
public static class MailEventsMailingBuilderExtensions
{
    /// <summary>
    /// Calls <typeparamref name="THandler"/> (a scoped service: it may use a <c>DbContext</c>) for every provider event;
    /// the same as <c>services.AddScoped&lt;IMailEventHandler, THandler&gt;()</c>, registered once however often it is called.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="builder">The Mailing builder.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder AddEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this MailingBuilder builder)
        where THandler : class, IMailEventHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMailEventHandler, THandler>());
        return builder;
    }

    internal static void AddDefault(MailingBuilder builder) =>
        builder.Services.TryAddScoped<IMailEventDispatcher, MailEventDispatcher>();
}
