namespace Mailing;

/// <summary>
/// Writes one message in its RFC 5322 form, CRLF line breaks, into a <see cref="MessageBuffer"/>: the seam between how a
/// message becomes MIME and how it travels (SMTP DATA, an <c>.eml</c> file, the in-memory transport).
/// </summary>
/// <remarks>
/// Two writers exist. <see cref="EmailMessageWriter"/> is Mailing's own, used whenever nothing needs the message as a
/// <c>MimeMessage</c>. <see cref="MimeMessageWriter"/> writes a <c>MimeMessage</c> with MimeKit: the path for anything that
/// has to work on MimeKit's object model after Mailing built it (DKIM signing with MimeKit's <c>DkimSigner</c>, S/MIME).
/// </remarks>
internal interface IMessageWriter
{
    /// <summary>Roughly how many bytes the message will take, to size the buffer.</summary>
    int SizeHint { get; }

    /// <summary>
    /// Bytes the written message cannot exceed, known without writing it; <see langword="null"/> when only writing tells
    /// (a file attachment, a <c>MimeMessage</c>). Lets SMTP leave out SIZE= for a message that cannot reach the server's limit.
    /// </summary>
    long? MaxSize { get; }

    /// <summary>
    /// Whether the message has <c>8bit</c> or <c>binary</c> parts whatever it is written for (a <c>MimeMessage</c> written as it
    /// stands: a signed one must not be re-encoded), so it can go only to a server that offers 8BITMIME (RFC 6152).
    /// </summary>
    bool RequiresEightBitMime { get; }

    /// <summary>
    /// Whether a body part is <c>8bit</c> or <c>binary</c> when the message is written for a server that offers 8BITMIME, so
    /// MAIL FROM declares <c>BODY=8BITMIME</c>; always <see langword="false"/> for any other (Mailing's writer then writes 7
    /// bit). Header text is not counted: a UTF-8 address needs SMTPUTF8, which the envelope decides.
    /// </summary>
    /// <param name="eightBitMime">Whether the message is written for a server that offers 8BITMIME.</param>
    bool HasEightBitBody(bool eightBitMime);

    /// <summary>Writes the whole message into <paramref name="output"/>.</summary>
    /// <param name="output">Where the message goes.</param>
    /// <param name="eightBitMime">
    /// Whether the receiver takes 8bit text: an SMTP server that offered 8BITMIME. Mailing's writer then sends text parts
    /// that are not ASCII as <c>8bit</c> where every line fits; <see langword="false"/> (a file, the in-memory transport, a
    /// server without 8BITMIME) keeps every text part 7bit or quoted-printable.
    /// </param>
    /// <param name="cancellationToken">Cancels reading an attachment file.</param>
    /// <exception cref="IOException">An attachment read from a file could not be read.</exception>
    ValueTask WriteAsync(MessageBuffer output, bool eightBitMime, CancellationToken cancellationToken);
}
