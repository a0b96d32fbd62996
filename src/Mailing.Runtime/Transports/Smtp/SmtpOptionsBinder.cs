using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Mailing.Transports.Smtp;

/// <summary>
/// Reads <see cref="SmtpOptions"/> from a configuration section key by key, without reflection (trimming and
/// Native AOT safe). Values that do not parse are recorded and reported by start-up validation with their key.
/// </summary>
internal static class SmtpOptionsBinder
{
    public static void Bind(IConfiguration section, SmtpOptions options)
    {
        var path = (section as IConfigurationSection)?.Path ?? "Smtp";

        options.Provider = section[nameof(SmtpOptions.Provider)] ?? options.Provider;
        options.Region = section[nameof(SmtpOptions.Region)] ?? options.Region;
        options.Host = section[nameof(SmtpOptions.Host)] ?? options.Host;
        options.Username = section[nameof(SmtpOptions.Username)] ?? options.Username;
        options.Password = section[nameof(SmtpOptions.Password)] ?? options.Password;
        options.LocalDomain = section[nameof(SmtpOptions.LocalDomain)] ?? options.LocalDomain;

        Read<int>(section, path, nameof(SmtpOptions.Port), "587 or 465", TryParseInt, value => options.Port = value, options);
        Read<int>(section, path, nameof(SmtpOptions.PoolSize), "a whole number such as 4", TryParseInt, value => options.PoolSize = value, options);
        Read<bool>(section, path, nameof(SmtpOptions.AllowPort25), "true or false", TryParseBool, value => options.AllowPort25 = value, options);
        Read<bool>(section, path, nameof(SmtpOptions.CheckCertificateRevocation), "true or false", TryParseBool, value => options.CheckCertificateRevocation = value, options);
        Read<SmtpSecurity>(section, path, nameof(SmtpOptions.Security), "Auto, StartTls, ImplicitTls or None", TryParseSecurity, value => options.Security = value, options);
        Read<TimeSpan>(section, path, nameof(SmtpOptions.ConnectTimeout), "a duration such as \"00:00:15\"", TryParseDuration, value => options.ConnectTimeout = value, options);
        Read<TimeSpan>(section, path, nameof(SmtpOptions.OperationTimeout), "a duration such as \"00:00:30\"", TryParseDuration, value => options.OperationTimeout = value, options);
        Read<TimeSpan>(section, path, nameof(SmtpOptions.SendTimeout), "a duration such as \"00:02:00\"", TryParseDuration, value => options.SendTimeout = value, options);
        Read<TimeSpan>(section, path, nameof(SmtpOptions.IdleTimeout), "a duration such as \"00:00:30\"", TryParseDuration, value => options.IdleTimeout = value, options);

        foreach (var text in ConfigurationValueReader.ReadList(section, nameof(SmtpOptions.FallbackPorts)))
        {
            if (TryParseInt(text, out var port))
            {
                options.FallbackPorts.Add(port);
            }
            else
            {
                options.BindingErrors.Add($"{path}:{nameof(SmtpOptions.FallbackPorts)} has \"{text}\", which is not a port number such as 2525.");
            }
        }

        foreach (var file in section.GetSection("TrustedCertificateFiles").GetChildren())
        {
            if (file.Value is { Length: > 0 } certificatePath)
            {
                LoadTrustedCertificate(certificatePath, $"{path}:TrustedCertificateFiles:{file.Key}", options);
            }
        }
    }

    private static void Read<T>(IConfiguration section, string path, string key, string expected, ConfigurationValueReader.TryParse<T> parse, Action<T> assign, SmtpOptions options) =>
        ConfigurationValueReader.Read(section, path, key, expected, parse, assign, options.BindingErrors);

    private static bool TryParseInt(string text, out int value) => ConfigurationValueReader.TryParseInt(text, out value);

    private static bool TryParseBool(string text, out bool value) => ConfigurationValueReader.TryParseBool(text, out value);

    private static bool TryParseDuration(string text, out TimeSpan value) => ConfigurationValueReader.TryParseDuration(text, out value);

    private static bool TryParseSecurity(string text, out SmtpSecurity value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private static void LoadTrustedCertificate(string file, string key, SmtpOptions options)
    {
        try
        {
            var before = options.TrustedCertificates.Count;
            options.TrustedCertificates.ImportFromPemFile(file);
            if (options.TrustedCertificates.Count == before)
            {
                throw new CryptographicException("No certificate in the file.");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            options.BindingErrors.Add($"{key}: \"{file}\" could not be read as a PEM certificate ({exception.GetType().Name}). Point it at the server's or CA's public certificate in PEM form (-----BEGIN CERTIFICATE-----).");
        }
    }
}
