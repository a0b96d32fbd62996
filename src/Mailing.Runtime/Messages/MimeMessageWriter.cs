using MimeKit;

namespace Mailing;

/// <summary>
/// Writes a <see cref="MimeMessage"/> with MimeKit: the path for a message something must change as a <c>MimeMessage</c>
/// after Mailing built it (DKIM signing with MimeKit's <c>DkimSigner</c>, S/MIME), which then travels exactly as signed.
/// </summary>
/// <remarks>
/// The message is written as it stands, with CRLF line breaks: nothing is re-encoded on the way (a signature would break),
/// so a message with <c>8bit</c> parts needs a server with 8BITMIME; prepare it for 7 bit before signing
/// (<c>MimeMessage.Prepare(EncodingConstraint.SevenBit)</c>) to send it anywhere.
/// </remarks>
internal sealed class MimeMessageWriter(MimeMessage message, bool hideBlindCopies) : IMessageWriter
{
    private static readonly FormatOptions Wire = CreateFormat(hideBlindCopies: true);
    private static readonly FormatOptions File = CreateFormat(hideBlindCopies: false);

    public int SizeHint => 16 * 1024;

    public long? MaxSize => null;

    public bool RequiresEightBitMime => message.BodyParts.OfType<MimePart>()
        .Any(part => part.ContentTransferEncoding is ContentEncoding.EightBit or ContentEncoding.Binary);

    public bool HasEightBitBody(bool eightBitMime) => eightBitMime && RequiresEightBitMime;

    public async ValueTask WriteAsync(MessageBuffer output, bool eightBitMime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await message.WriteToAsync(hideBlindCopies ? Wire : File, output, cancellationToken).ConfigureAwait(false);
    }

    private static FormatOptions CreateFormat(bool hideBlindCopies)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        if (hideBlindCopies)
        {
            options.HiddenHeaders.Add(HeaderId.Bcc);
            options.HiddenHeaders.Add(HeaderId.ResentBcc);
        }

        return options;
    }
}
