namespace Mailing;

/// <summary>
/// Every <see cref="IEmailPreviewSource"/> loaded in the process. Generated sources register themselves from a module
/// initializer, so an application's previews are here as soon as its assembly runs; the dev inbox reads them.
/// </summary>
/// <remarks>
/// A module initializer runs when its assembly is first used: previews that live in a library appear once the
/// application has touched the library (any of its types), which sending one of its templates does.
/// </remarks>
public static class EmailPreviewCatalog
{
    private static readonly object Gate = new();
    private static IEmailPreviewSource[] s_sources = [];

    /// <summary>The registered sources, in registration order.</summary>
    public static IReadOnlyList<IEmailPreviewSource> Sources => Volatile.Read(ref s_sources);

    /// <summary>Every preview of every registered source.</summary>
    public static IReadOnlyList<EmailPreview> Previews => Sources.SelectMany(source => source.Previews).ToArray();

    /// <summary>Adds <paramref name="source"/>; registering the same source again changes nothing.</summary>
    /// <param name="source">An assembly's previews.</param>
    public static void Register(IEmailPreviewSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (Gate)
        {
            if (!s_sources.Contains(source))
            {
                Volatile.Write(ref s_sources, [.. s_sources, source]);
            }
        }
    }
}
