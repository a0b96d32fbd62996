using MimeKit;

namespace Mailing.Transports.Local;

/// <summary>Writes MIME with CRLF line endings whatever the platform, as SMTP and .eml files expect.</summary>
internal static class MimeWriter
{
    /// <summary>What an SMTP server receives: MailKit hides the Bcc header when it sends, so this does too.</summary>
    public static FormatOptions WireFormat { get; } = CreateFormat(hideBcc: true);

    /// <summary>A pickup file keeps Bcc: the file is the only place the relay can find those recipients.</summary>
    public static FormatOptions FileFormat { get; } = CreateFormat(hideBcc: false);

    public static async Task<byte[]> ToBytesAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await message.WriteToAsync(WireFormat, stream, cancellationToken).ConfigureAwait(false);
        return stream.ToArray();
    }

    private static FormatOptions CreateFormat(bool hideBcc)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        if (hideBcc)
        {
            options.HiddenHeaders.Add(HeaderId.Bcc);
        }

        return options;
    }
}
