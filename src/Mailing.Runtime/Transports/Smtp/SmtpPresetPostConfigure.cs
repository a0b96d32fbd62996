using Microsoft.Extensions.Options;

namespace Mailing.Transports.Smtp;

/// <summary>Applies <see cref="SmtpOptions.Provider"/> after every other configuration step, whether the options came from configuration or code.</summary>
internal sealed class SmtpPresetPostConfigure(string sectionPath) : IPostConfigureOptions<SmtpOptions>
{
    public void PostConfigure(string? name, SmtpOptions options)
    {
        try
        {
            SmtpPresets.Apply(options);
        }
        catch (ArgumentException exception)
        {
            options.BindingErrors.Add($"{sectionPath}:Provider: {exception.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
