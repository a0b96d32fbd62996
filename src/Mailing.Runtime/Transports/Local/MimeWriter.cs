using MimeKit;
using MimeKit.IO;

namespace Mailing.Transports.Local;

/// <summary>Writes MIME the way it goes over the wire: CRLF line endings whatever the platform.</summary>
internal static class MimeWriter
{
    public static FormatOptions WireFormat { get; } = CreateWireFormat();

    public static async Task<byte[]> ToBytesAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await message.WriteToAsync(WireFormat, stream, cancellationToken).ConfigureAwait(false);
        return stream.ToArray();
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
