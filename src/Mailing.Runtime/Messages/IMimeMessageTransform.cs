using MimeKit;

namespace Mailing;

/// <summary>
/// Changes the MimeKit form of a message after Mailing built it and before it is written: DKIM signing with MimeKit's
/// <c>DkimSigner</c>, S/MIME. A transport given one builds each message as a <see cref="MimeMessage"/>
/// (<see cref="MimeMessageFactory"/>) and writes it with <see cref="MimeMessageWriter"/>, instead of using Mailing's own
/// faster writer: what was signed is what is sent, byte for byte.
/// </summary>
internal interface IMimeMessageTransform
{
    /// <param name="mime">The message as Mailing built it (provider headers included); change it in place.</param>
    /// <param name="message">The message it was built from.</param>
    void Apply(MimeMessage mime, EmailMessage message);
}
