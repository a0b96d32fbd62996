using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Mailing;

/// <summary>
/// Mailing's own MIME writer: an <see cref="EmailMessage"/> straight to bytes, without building a <c>MimeMessage</c>, in the
/// same tree, headers and transfer encodings as <see cref="MimeMessageFactory"/> (a receiver parses both to the same
/// message; tests compare them):
/// <code>
/// multipart/mixed                   only with attachments
///   multipart/alternative           only with both text and HTML
///     text/plain                    given, or derived from the HTML; 7bit or quoted-printable (8bit for 8BITMIME)
///     multipart/related             only with inline resources
///       text/html                   7bit or quoted-printable (8bit for 8BITMIME)
///       image/png (Content-Id)      one per inline resource, base64
///   application/pdf (attachment)    one per attachment, base64
/// </code>
/// </summary>
/// <remarks>
/// Everything is written once, into the caller's <see cref="MessageBuffer"/> (dot-stuffed there when it is SMTP DATA):
/// text is encoded to UTF-8 in a pooled buffer and transfer-encoded straight into the output, attachments are base64-encoded
/// from their bytes (or read from their file in chunks). The output is 7-bit except a UTF-8 local part in an address
/// header (RFC 6532), which only a server with SMTPUTF8 is given, and, when written for a server that offers 8BITMIME, text
/// parts that are not ASCII: those go as <c>8bit</c> when every line fits (<see cref="TextTransferEncoding.IsEightBit"/>),
/// as MailKit sends them to such a server, instead of quoted-printable.
/// </remarks>
internal sealed class EmailMessageWriter : IMessageWriter
{
    private const int Base64LineBytes = 57;
    private const int Base64LineLength = 76;
    private const int FileChunkLines = 1024;

    private readonly EmailMessage _message;
    private readonly string _messageId;
    private readonly DateTimeOffset _date;
    private readonly bool _hideBlindCopies;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _extraHeaders;
    private EightBitChoice? _textEightBit;
    private EightBitChoice? _htmlEightBit;

    /// <param name="message">The message; it must have a sender and a recipient.</param>
    /// <param name="messageId">The Message-Id, without angle brackets.</param>
    /// <param name="date">The Date header.</param>
    /// <param name="hideBlindCopies">Leave out the Bcc header (SMTP, where the envelope carries Bcc); keep it in a pickup file.</param>
    /// <param name="extraHeaders">Headers written after the message's own, e.g. a provider's tag headers.</param>
    /// <exception cref="ArgumentException">The message has no sender, no recipients, or inline resources without HTML.</exception>
    public EmailMessageWriter(EmailMessage message, string messageId, DateTimeOffset date, bool hideBlindCopies, IReadOnlyList<KeyValuePair<string, string>>? extraHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        MimeMessageFactory.ThrowIfNotSendable(message);
        _message = message;
        _messageId = messageId;
        _date = date;
        _hideBlindCopies = hideBlindCopies;
        _extraHeaders = extraHeaders ?? [];
        TextBody = TextBodyOf(message);
    }

    /// <summary>The plain-text part: the message's own, or the one derived from its HTML.</summary>
    public string TextBody { get; }

    public int SizeHint
    {
        get
        {
            // Headers, then text that is mostly ASCII with some quoted-printable, then base64 (4/3 plus line breaks).
            long size = 1024 + (64 * (_message.To.Count + _message.Cc.Count + _message.Bcc.Count));
            size += (TextBody.Length + (_message.HtmlBody?.Length ?? 0)) * 5L / 4;
            foreach (var attachment in _message.Attachments)
            {
                size += 512 + ((attachment.Content.Length ?? 0) * 140 / 100);
            }

            foreach (var resource in _message.InlineResources)
            {
                size += 512 + ((resource.Content.Length ?? 0) * 140 / 100);
            }

            return (int)Math.Min(size, 64 * 1024 * 1024);
        }
    }

    /// <summary>Whether the plain text goes as 8bit to a server that offers 8BITMIME: decided once, for every write.</summary>
    private EightBitChoice TextEightBit => _textEightBit ??= EightBitChoice.Of(TextBody);

    private EightBitChoice HtmlEightBit => _htmlEightBit ??= _message.HtmlBody is { } html ? EightBitChoice.Of(html) : default;

    public bool RequiresEightBitMime => false;

    public bool HasEightBitBody(bool eightBitMime) => eightBitMime && (TextEightBit.EightBit || HtmlEightBit.EightBit);

    public long? MaxSize
    {
        get
        {
            // Every character may become 3 UTF-8 bytes, each escaped as 3 characters, with a soft break every 72: under 10
            // bytes a character. Base64 is 4/3 plus line breaks. Each header and part adds room for names, folding, boundaries.
            // Read on every send to a server with a SIZE limit: indexed loops, no enumerators.
            long characters = _message.Subject.Length + TextBody.Length + (_message.HtmlBody?.Length ?? 0) + AddressCharacters(_message.From!);
            characters += AddressCharacters(_message.To) + AddressCharacters(_message.Cc) + AddressCharacters(_message.Bcc) + AddressCharacters(_message.ReplyTo);
            foreach (var (name, value) in _message.Headers)
            {
                characters += name.Length + value.Length + 8;
            }

            for (var i = 0; i < _extraHeaders.Count; i++)
            {
                characters += _extraHeaders[i].Key.Length + _extraHeaders[i].Value.Length + 8;
            }

            long size = 4096;
            for (var i = 0; i < _message.Attachments.Count; i++)
            {
                var attachment = _message.Attachments[i];
                characters += attachment.FileName.Length + attachment.ContentType.Length + 64;
                if (attachment.Content.Length is not { } length)
                {
                    return null;
                }

                size += 1024 + (length * 140 / 100);
            }

            for (var i = 0; i < _message.InlineResources.Count; i++)
            {
                var resource = _message.InlineResources[i];
                characters += (resource.FileName?.Length ?? 0) + resource.ContentType.Length + resource.ContentId.Length + 64;
                if (resource.Content.Length is not { } length)
                {
                    return null;
                }

                size += 1024 + (length * 140 / 100);
            }

            return size + (10 * characters);
        }
    }

    private static long AddressCharacters(EmailAddress address) => address.Address.Length + (address.DisplayName?.Length ?? 0) + 8;

    private static long AddressCharacters(IReadOnlyList<EmailAddress> addresses)
    {
        long characters = 0;
        for (var i = 0; i < addresses.Count; i++)
        {
            characters += AddressCharacters(addresses[i]);
        }

        return characters;
    }

    /// <summary>The plain text the message carries: <see cref="EmailMessage.TextBody"/>, or text derived from the HTML.</summary>
    public static string TextBodyOf(EmailMessage message) =>
        message.TextBody ?? (message.HtmlBody is null ? "" : HtmlToTextConverter.Convert(message.HtmlBody));

    /// <summary>
    /// The text MimeKit's <c>TextPart.Text</c> reads back from the part written for <paramref name="text"/>: every line
    /// break a CRLF on the wire, then in the platform's newline (<c>FormatOptions.Default</c>), as MimeKit converts it.
    /// </summary>
    public static string ReadBackText(string text)
    {
        if (MimeKit.FormatOptions.Default.NewLineFormat == MimeKit.NewLineFormat.Unix)
        {
            return text.Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        var bare = 0;
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            if (i == 0 || text[i - 1] != '\r')
            {
                bare++;
            }
        }

        return bare == 0 ? text : string.Create(text.Length + bare, text, static (target, source) =>
        {
            var written = 0;
            for (var i = 0; i < source.Length; i++)
            {
                if (source[i] == '\n' && (i == 0 || source[i - 1] != '\r'))
                {
                    target[written++] = '\r';
                }

                target[written++] = source[i];
            }
        });
    }

    public async ValueTask WriteAsync(MessageBuffer output, bool eightBitMime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteMessageHeaders(output);
        if (_message.Attachments.Count == 0)
        {
            await WriteAlternativeOrTextAsync(output, isMessageBody: true, eightBitMime, cancellationToken).ConfigureAwait(false);
            return;
        }

        var boundary = MimeBoundary.Create();
        WriteMultipartHeader(output, "multipart/mixed", boundary);
        WriteDelimiter(output, boundary);
        await WriteAlternativeOrTextAsync(output, isMessageBody: false, eightBitMime, cancellationToken).ConfigureAwait(false);
        foreach (var attachment in _message.Attachments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(output, "\r\n"u8);
            WriteDelimiter(output, boundary);
            WritePartHeaders(output, attachment.ContentType, attachment.FileName, "attachment", contentId: null);
            await WriteBase64Async(output, attachment.Content, cancellationToken).ConfigureAwait(false);
        }

        WriteCloseDelimiter(output, boundary);
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private static void WriteAscii(IBufferWriter<byte> output, string text)
    {
        var written = Encoding.ASCII.GetBytes(text, output.GetSpan(text.Length));
        output.Advance(written);
    }

    private static void WriteDelimiter(IBufferWriter<byte> output, string boundary)
    {
        Write(output, "--"u8);
        WriteAscii(output, boundary);
        Write(output, "\r\n"u8);
    }

    // The CRLF before a delimiter belongs to it (RFC 2046 §5.1.1): a part's content ends where the CRLF starts.
    private static void WriteCloseDelimiter(IBufferWriter<byte> output, string boundary)
    {
        Write(output, "\r\n--"u8);
        WriteAscii(output, boundary);
        Write(output, "--\r\n"u8);
    }

    private static void WriteMultipartHeader(IBufferWriter<byte> output, string mediaType, string boundary)
    {
        var headers = new MimeHeaderWriter(output);
        headers.WriteStartOfParameterized("Content-Type", mediaType);
        headers.WriteParameter("boundary", boundary, quoteAlways: true);
        headers.EndParameterized();
        Write(output, "\r\n"u8);
    }

    // eightBitChoice: the text's form for a server that offers 8BITMIME, or default (7bit or quoted-printable) for any other.
    // 8bit text with CRLF line breaks only is encoded straight into the output; with bare LFs, through a buffer that fixes them.
    private static void WriteTextPart(IBufferWriter<byte> output, string subtype, string text, bool isMessageBody, EightBitChoice eightBitChoice)
    {
        if (eightBitChoice is { EightBit: true, HasBareLineFeeds: false })
        {
            WriteTextPartHeaders(output, subtype, "8bit");
            TextTransferEncoding.WriteUtf8(text, output);
            if (isMessageBody && !text.EndsWith('\n'))
            {
                Write(output, "\r\n"u8);
            }

            return;
        }

        var eightBit = eightBitChoice.EightBit;
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var bytes = utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8));
            var asIs = eightBit || TextTransferEncoding.IsSevenBit(bytes);
            WriteTextPartHeaders(output, subtype, eightBit ? "8bit" : asIs ? "7bit" : "quoted-printable");
            if (asIs)
            {
                // A whole-message body ends with a line break, as MimeKit writes it; in a multipart the delimiter's CRLF follows.
                if (!TextTransferEncoding.WriteAsIs(bytes, output) && isMessageBody)
                {
                    Write(output, "\r\n"u8);
                }
            }
            else if (!TextTransferEncoding.WriteQuotedPrintable(bytes, output) && isMessageBody)
            {
                // A soft line break: the message ends with CRLF and the text does not gain one.
                Write(output, "=\r\n"u8);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static void WriteTextPartHeaders(IBufferWriter<byte> output, string subtype, string transferEncoding)
    {
        var headers = new MimeHeaderWriter(output);
        headers.WriteStartOfParameterized("Content-Type", subtype);
        headers.WriteParameter("charset", "utf-8");
        headers.EndParameterized();
        headers.WriteAscii("Content-Transfer-Encoding", transferEncoding);
        Write(output, "\r\n"u8);
    }

    private static void WritePartHeaders(IBufferWriter<byte> output, string contentType, string? fileName, string disposition, string? contentId)
    {
        var headers = new MimeHeaderWriter(output);
        if (contentType.Contains(';', StringComparison.Ordinal))
        {
            var parsed = MimeKit.ContentType.Parse(contentType);
            headers.WriteStartOfParameterized("Content-Type", parsed.MimeType);
            foreach (var parameter in parsed.Parameters)
            {
                if (!string.Equals(parameter.Name, "name", StringComparison.OrdinalIgnoreCase))
                {
                    headers.WriteParameter(parameter.Name, parameter.Value);
                }
            }
        }
        else
        {
            headers.WriteStartOfParameterized("Content-Type", contentType.Trim());
        }

        if (fileName is not null)
        {
            headers.WriteParameter("name", fileName);
        }

        headers.EndParameterized();
        headers.WriteStartOfParameterized("Content-Disposition", disposition);
        if (fileName is not null)
        {
            headers.WriteParameter("filename", fileName);
        }

        headers.EndParameterized();
        headers.WriteAscii("Content-Transfer-Encoding", "base64");
        if (contentId is not null)
        {
            headers.WriteAngleBracketed("Content-Id", contentId);
        }

        Write(output, "\r\n"u8);
    }

    private static async ValueTask WriteBase64Async(IBufferWriter<byte> output, AttachmentContent content, CancellationToken cancellationToken)
    {
        if (content.TryGetBytes(out var bytes))
        {
            WriteBase64Lines(output, bytes.Span);
            return;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(Base64LineBytes * FileChunkLines);
        try
        {
            await using var file = content.OpenFileForAsyncRead();
            var filled = 0;
            while (true)
            {
                var read = await file.ReadAsync(chunk.AsMemory(filled, (Base64LineBytes * FileChunkLines) - filled), cancellationToken).ConfigureAwait(false);
                filled += read;
                if (read == 0 || filled == Base64LineBytes * FileChunkLines)
                {
                    // Whole lines now; a short remainder waits for more bytes, or ends the content.
                    var whole = read == 0 ? filled : filled - (filled % Base64LineBytes);
                    WriteBase64Lines(output, chunk.AsSpan(0, whole));
                    chunk.AsSpan(whole, filled - whole).CopyTo(chunk);
                    filled -= whole;
                    if (read == 0)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    // Lines of 76 characters (57 bytes), each ending with CRLF, as MimeKit's base64 encoder writes them.
    private static void WriteBase64Lines(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        var writer = new ChunkedBufferWriter(output);
        while (!bytes.IsEmpty)
        {
            var line = bytes[..Math.Min(Base64LineBytes, bytes.Length)];
            var destination = writer.Reserve(Base64LineLength + 2);
            Base64.EncodeToUtf8(line, destination, out _, out var length);
            destination[length++] = (byte)'\r';
            destination[length++] = (byte)'\n';
            writer.Advance(length);
            bytes = bytes[line.Length..];
        }

        writer.Commit();
    }

    private void WriteMessageHeaders(IBufferWriter<byte> output)
    {
        // The order MimeKit writes them in for the message MimeMessageFactory builds.
        var headers = new MimeHeaderWriter(output);
        headers.WriteAddress("From", _message.From!);
        headers.WriteDate("Date", _date);
        headers.WriteUnstructured("Subject", _message.Subject);
        headers.WriteAngleBracketed("Message-Id", _messageId);
        if (_message.Sender is { } sender)
        {
            headers.WriteAddress("Sender", sender);
        }

        WriteAddressesIfAny(ref headers, "Reply-To", _message.ReplyTo);
        WriteAddressesIfAny(ref headers, "To", _message.To);
        WriteAddressesIfAny(ref headers, "Cc", _message.Cc);
        if (!_hideBlindCopies)
        {
            WriteAddressesIfAny(ref headers, "Bcc", _message.Bcc);
        }

        switch (_message.Priority)
        {
            case EmailPriority.High:
                headers.WriteAscii("Importance", "high");
                headers.WriteAscii("X-Priority", "1 (Highest)");
                headers.WriteAscii("Priority", "urgent");
                break;
            case EmailPriority.Low:
                headers.WriteAscii("Importance", "low");
                headers.WriteAscii("X-Priority", "5 (Lowest)");
                headers.WriteAscii("Priority", "non-urgent");
                break;
        }

        foreach (var (name, value) in _message.Headers)
        {
            headers.WriteUnstructured(name, value);
        }

        // URLs, written as they are: an encoded word here would hide the link from the mailbox provider.
        foreach (var (name, value) in UnsubscribeHeaders.For(_message))
        {
            headers.WriteAscii(name, value);
        }

        foreach (var (name, value) in _extraHeaders)
        {
            headers.WriteUnstructured(name, value);
        }

        headers.WriteAscii("MIME-Version", "1.0");

        static void WriteAddressesIfAny(ref MimeHeaderWriter headers, string name, IReadOnlyList<EmailAddress> addresses)
        {
            if (addresses.Count > 0)
            {
                headers.WriteAddresses(name, addresses);
            }
        }
    }

    private async ValueTask WriteAlternativeOrTextAsync(IBufferWriter<byte> output, bool isMessageBody, bool eightBitMime, CancellationToken cancellationToken)
    {
        if (_message.HtmlBody is not { } html)
        {
            WriteTextPart(output, "text/plain", TextBody, isMessageBody, eightBitMime ? TextEightBit : default);
            return;
        }

        var boundary = MimeBoundary.Create();
        WriteMultipartHeader(output, "multipart/alternative", boundary);
        WriteDelimiter(output, boundary);
        WriteTextPart(output, "text/plain", TextBody, isMessageBody: false, eightBitMime ? TextEightBit : default);
        Write(output, "\r\n"u8);
        WriteDelimiter(output, boundary);
        if (_message.InlineResources.Count == 0)
        {
            WriteTextPart(output, "text/html", html, isMessageBody: false, eightBitMime ? HtmlEightBit : default);
        }
        else
        {
            await WriteRelatedAsync(output, html, eightBitMime ? HtmlEightBit : default, cancellationToken).ConfigureAwait(false);
        }

        WriteCloseDelimiter(output, boundary);
    }

    private async ValueTask WriteRelatedAsync(IBufferWriter<byte> output, string html, EightBitChoice eightBit, CancellationToken cancellationToken)
    {
        var boundary = MimeBoundary.Create();
        WriteMultipartHeader(output, "multipart/related", boundary);
        WriteDelimiter(output, boundary);
        WriteTextPart(output, "text/html", html, isMessageBody: false, eightBit);
        foreach (var resource in _message.InlineResources)
        {
            Write(output, "\r\n"u8);
            WriteDelimiter(output, boundary);
            WritePartHeaders(output, resource.ContentType, resource.FileName, "inline", resource.ContentId);
            await WriteBase64Async(output, resource.Content, cancellationToken).ConfigureAwait(false);
        }

        WriteCloseDelimiter(output, boundary);
    }

    // A text part's form for a server that offers 8BITMIME; default (not 8bit) without one.
    private readonly record struct EightBitChoice(bool EightBit, bool HasBareLineFeeds)
    {
        public static EightBitChoice Of(string text) => new(TextTransferEncoding.IsEightBit(text, out var hasBareLineFeeds), hasBareLineFeeds);
    }
}
