using Microsoft.Extensions.Configuration;

namespace Mailing;

/// <summary>
/// Reads <see cref="MailingOptions"/> from a configuration section by key, without reflection, so
/// binding is trimming- and Native-AOT-safe.
/// </summary>
internal static class MailingOptionsBinder
{
    public static void Bind(IConfiguration section, MailingOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        options.SectionPath = section is IConfigurationSection s ? s.Path : "Mailing";
        options.From = NullIfEmpty(section[nameof(MailingOptions.From)]) ?? options.From;
        options.Transport = NullIfEmpty(section[nameof(MailingOptions.Transport)]) ?? options.Transport;
        options.ReplyTo = NullIfEmpty(section[nameof(MailingOptions.ReplyTo)]) ?? options.ReplyTo;
        ConfigurationValueReader.Read<int>(section, options.SectionPath, nameof(MailingOptions.SendManyConcurrency), "a whole number such as 8", ConfigurationValueReader.TryParseInt, value => options.SendManyConcurrency = value, options.BindingErrors);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
