using Microsoft.Extensions.Configuration;

namespace Mailing;

/// <summary>Reads <see cref="DkimOptions"/> key by key, without reflection: the one key at the section's top, then <c>Keys:n</c>.</summary>
internal static class DkimOptionsBinder
{
    private const string KeysKey = "Keys";

    public static void Bind(IConfiguration section, DkimOptions options)
    {
        options.SectionPath = section is IConfigurationSection s ? s.Path : "Mailing:Dkim";
        if (ReadKey(section, options.SectionPath) is { } top)
        {
            options.Keys.Add(top);
        }

        foreach (var child in section.GetSection(KeysKey).GetChildren())
        {
            if (ReadKey(child, child.Path) is { } key)
            {
                options.Keys.Add(key);
            }
            else
            {
                options.BindingErrors.Add($"{child.Path} is empty: give it Domain, Selector and PrivateKeyFile (or PrivateKey).");
            }
        }
    }

    private static DkimKeyOptions? ReadKey(IConfiguration section, string path)
    {
        var key = new DkimKeyOptions
        {
            Domain = NullIfEmpty(section[nameof(DkimKeyOptions.Domain)]),
            Selector = NullIfEmpty(section[nameof(DkimKeyOptions.Selector)]),
            PrivateKey = NullIfEmpty(section[nameof(DkimKeyOptions.PrivateKey)]),
            PrivateKeyFile = NullIfEmpty(section[nameof(DkimKeyOptions.PrivateKeyFile)]),
            Source = path,
        };
        return key.Domain is null && key.Selector is null && key.PrivateKey is null && key.PrivateKeyFile is null ? null : key;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
