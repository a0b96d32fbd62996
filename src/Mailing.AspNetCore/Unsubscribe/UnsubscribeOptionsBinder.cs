using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mailing;

/// <summary>Reads <see cref="UnsubscribeOptions"/> key by key, without reflection, so binding stays trimming-safe.</summary>
internal static class UnsubscribeOptionsBinder
{
    public static void Bind(IConfiguration section, UnsubscribeOptions options)
    {
        options.SectionPath = section is IConfigurationSection s ? s.Path : options.SectionPath;
        if (section[nameof(UnsubscribeOptions.Url)] is { Length: > 0 } url)
        {
            if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) && !url.TrimStart().StartsWith('/'))
            {
                options.Url = parsed;
            }
            else
            {
                options.BindingErrors.Add($"{options.SectionPath}:Url is \"{url}\", which is not an absolute URL: set the public https address of the unsubscribe endpoint, e.g. \"https://shop.example/unsubscribe\".");
            }
        }

        if (section[nameof(UnsubscribeOptions.LinkLifetime)] is { Length: > 0 } lifetime)
        {
            if (TimeSpan.TryParse(lifetime.Trim(), CultureInfo.InvariantCulture, out var parsed))
            {
                options.LinkLifetime = parsed;
            }
            else
            {
                options.BindingErrors.Add($"{options.SectionPath}:LinkLifetime is \"{lifetime}\", which is not a duration: write days.hours:minutes:seconds, e.g. \"90.00:00:00\" for 90 days.");
            }
        }
    }
}
