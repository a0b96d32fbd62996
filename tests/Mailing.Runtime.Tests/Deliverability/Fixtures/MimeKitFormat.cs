using MimeKit;

namespace Mailing.Runtime.Tests.Deliverability.Fixtures;

/// <summary>Format options as SMTP writes a message: CRLF line breaks.</summary>
internal static class MimeKitFormat
{
    public static FormatOptions Dos { get; } = CreateDos();

    private static FormatOptions CreateDos()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
