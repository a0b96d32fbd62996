using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailing;

/// <summary>Chooses where the suppression list lives: <c>AddMailing(...).UseSuppressionFile("suppressions.csv")</c>.</summary>
/// <remarks>
/// Without a choice, <c>AddMailing</c> keeps the list in memory (<see cref="InMemorySuppressionList"/>): suppression works,
/// but a restart forgets it. <c>Mailing:Suppression:File</c> in configuration selects <see cref="FileSuppressionList"/>.
/// </remarks>
public static class SuppressionMailingBuilderExtensions
{
    private const string SectionName = "Suppression";
    private const string FileKey = "File";

    /// <summary>Keeps the suppression list in <paramref name="path"/> (<see cref="FileSuppressionList"/>): durable, one process.</summary>
    /// <param name="builder">The Mailing builder.</param>
    /// <param name="path">The file, created on first use, e.g. <c>/var/lib/shop/suppressions.csv</c>.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder UseSuppressionFile(this MailingBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        return builder.UseSuppressionList(_ => new FileSuppressionList(fullPath));
    }

    /// <summary>Uses <paramref name="suppressionList"/> (one instance for the application).</summary>
    /// <param name="builder">The Mailing builder.</param>
    /// <param name="suppressionList">The list, e.g. an <see cref="InMemorySuppressionList"/> a test inspects.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder UseSuppressionList(this MailingBuilder builder, ISuppressionList suppressionList)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(suppressionList);
        builder.Services.Replace(ServiceDescriptor.Singleton(suppressionList));
        return builder;
    }

    /// <summary>Uses the list <paramref name="factory"/> creates, once, as a singleton.</summary>
    /// <param name="builder">The Mailing builder.</param>
    /// <param name="factory">Creates the list from the application's services.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder UseSuppressionList(this MailingBuilder builder, Func<IServiceProvider, ISuppressionList> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>Uses <typeparamref name="TList"/>, created by dependency injection as a singleton (e.g. one over your database).</summary>
    /// <typeparam name="TList">The implementation.</typeparam>
    /// <param name="builder">The Mailing builder.</param>
    /// <returns>The builder.</returns>
    public static MailingBuilder UseSuppressionList<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TList>(this MailingBuilder builder)
        where TList : class, ISuppressionList
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ISuppressionList, TList>());
        return builder;
    }

    /// <summary>Registers the in-memory default and reads <c>Suppression:File</c> from the Mailing section.</summary>
    internal static void AddDefault(MailingBuilder builder, IConfiguration? section)
    {
        builder.Services.TryAddSingleton<ISuppressionList, InMemorySuppressionList>();
        if (section?.GetSection(SectionName)[FileKey] is { Length: > 0 } path)
        {
            builder.UseSuppressionFile(path);
        }
    }
}
