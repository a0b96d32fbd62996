using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Mailing.Runtime.Tests.TestSupport;

/// <summary>
/// Asserts that two serialized messages are the same message to a receiver: MimeKit parses both, then headers (in order,
/// decoded: addresses by name and address, dates by instant, text by its characters), the MIME tree, every parameter but
/// the boundary, and every part's decoded content are compared.
/// </summary>
internal static class MimeEquivalence
{
    private static readonly HashSet<string> AddressHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc",
    };

    public static MimeMessage Parse(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return MimeMessage.Load(stream);
    }

    /// <summary>What MimeKit's path writes for <paramref name="message"/>: MimeMessageFactory, then WriteTo with CRLF.</summary>
    /// <param name="message">The message.</param>
    /// <param name="clock">The Date.</param>
    /// <param name="hideBlindCopies">Leave out Bcc.</param>
    /// <param name="extraHeaders">Provider headers after the message's own.</param>
    /// <param name="eightBitMime">
    /// For a server that offers 8BITMIME: the text parts are switched as <see cref="SwitchToEightBitAsMailKitWould"/> says and
    /// re-encoded by MimeKit; the others keep the factory's 7bit or quoted-printable.
    /// </param>
    public static byte[] WriteWithMimeKit(
        EmailMessage message, TimeProvider clock, bool hideBlindCopies, IEnumerable<KeyValuePair<string, string>>? extraHeaders = null, bool eightBitMime = false)
    {
        using var mime = MimeMessageFactory.Create(message, clock);
        foreach (var (name, value) in extraHeaders ?? [])
        {
            EncodedWordLookalikeEncoder.Set(mime.Headers, name, value);
        }

        if (eightBitMime)
        {
            SwitchToEightBitAsMailKitWould(mime);
        }

        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        if (hideBlindCopies)
        {
            options.HiddenHeaders.Add(HeaderId.Bcc);
        }

        using var stream = new MemoryStream();
        mime.WriteTo(options, stream);
        return stream.ToArray();
    }

    /// <summary>What Mailing's own writer writes for <paramref name="message"/>, without dot-stuffing (as in a file).</summary>
    public static byte[] WriteWithMailing(
        EmailMessage message, TimeProvider clock, bool hideBlindCopies, IReadOnlyList<KeyValuePair<string, string>>? extraHeaders = null, bool eightBitMime = false)
    {
        var writer = new EmailMessageWriter(message, message.MessageId!, clock.GetUtcNow(), hideBlindCopies, extraHeaders);
        using var buffer = new MessageBuffer(writer.SizeHint, dotStuffing: false);
        writer.WriteAsync(buffer, eightBitMime, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    public static void AssertSame(MimeMessage expected, MimeMessage actual)
    {
        AssertSameHeaders(expected.Headers, actual.Headers, "message");
        AssertSameEntity(expected.Body, actual.Body, "body");
    }

    /// <summary>
    /// RFC 5322 §2.1.1 and what a 7-bit server needs: CRLF line breaks, no line over 998 octets, headers in ASCII except
    /// UTF-8 local parts, and a 7-bit body; with <paramref name="eightBitBody"/>, what 8BITMIME allows the body (RFC 6152,
    /// RFC 2045 §2.8): valid UTF-8 without NUL in lines of at most 998 octets.
    /// </summary>
    public static void AssertWellFormed(byte[] bytes, bool eightBitBody = false)
    {
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 998, $"a line of {Encoding.UTF8.GetByteCount(line)} octets"));
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var body = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(body > 0, "no blank line after the headers");
        if (eightBitBody)
        {
            Assert.DoesNotContain('\0', text[(body + 4)..]);
        }
        else
        {
            Assert.All(text[(body + 4)..], c => Assert.True(c < 128, $"8-bit character U+{(int)c:X4} in the body"));
        }
    }

    /// <summary>
    /// Gives every text part MimeKit itself would send as 8bit to a server with 8BITMIME (its
    /// <c>GetBestEncoding(EncodingConstraint.EightBit, 998)</c>, which MailKit prepares messages for such a server with) the
    /// transfer encoding 8bit; the others keep theirs. One deliberate difference from MimeKit: text with a CR outside a
    /// CRLF stays quoted-printable.
    /// </summary>
    public static void SwitchToEightBitAsMailKitWould(MimeMessage mime)
    {
        foreach (var part in mime.BodyParts.OfType<TextPart>())
        {
            if (part.GetBestEncoding(EncodingConstraint.EightBit, 998) == ContentEncoding.EightBit && !HasBareCarriageReturn(part.Text))
            {
                part.ContentTransferEncoding = ContentEncoding.EightBit;
            }
        }
    }

    /// <summary>The transfer encoding of every text part, in tree order.</summary>
    public static ContentEncoding[] TextEncodings(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Select(part => part.ContentTransferEncoding).ToArray();

    private static bool HasBareCarriageReturn(string text) =>
        text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal);

    private static void AssertSameHeaders(HeaderList expected, HeaderList actual, string where)
    {
        Assert.Equal(
            expected.Select(h => h.Field.ToUpperInvariant()),
            actual.Select(h => h.Field.ToUpperInvariant()));
        for (var i = 0; i < expected.Count; i++)
        {
            var field = expected[i].Field;
            var context = $"{field} of the {where}";
            if (AddressHeaders.Contains(field))
            {
                Assert.Equal(Mailboxes(expected[i]), Mailboxes(actual[i]));
            }
            else if (field.Equals("Date", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(DateUtils.TryParse(expected[i].Value, out var expectedDate), context);
                Assert.True(DateUtils.TryParse(actual[i].Value, out var actualDate), context);
                Assert.Equal(expectedDate, actualDate);
            }
            else if (field.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                AssertSameContentType(ContentType.Parse(expected[i].RawValue), ContentType.Parse(actual[i].RawValue), context);
            }
            else if (field.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                var e = ContentDisposition.Parse(expected[i].RawValue);
                var a = ContentDisposition.Parse(actual[i].RawValue);
                Assert.Equal(e.Disposition, a.Disposition);
                Assert.Equal(Parameters(e.Parameters), Parameters(a.Parameters));
            }
            else
            {
                // MimeKit may write a tab next to an encoded word as a space; a receiver trims the ends of a value.
                Assert.True(
                    Normalize(expected[i].Value) == Normalize(actual[i].Value),
                    $"{context}: expected '{expected[i].Value}', got '{actual[i].Value}'");
            }
        }
    }

    private static string Normalize(string value) => value.Replace('\t', ' ').Trim();

    // MimeKit's own path writes a display name's tabs as spaces and drops its outer spaces; Mailing's keeps them.
    private static string[] Mailboxes(Header header) =>
        InternetAddressList.Parse(header.RawValue).Mailboxes.Select(m => $"{Normalize(m.Name ?? "")}|{m.Address}").ToArray();

    private static void AssertSameContentType(ContentType expected, ContentType actual, string context)
    {
        Assert.True(expected.MimeType.Equals(actual.MimeType, StringComparison.OrdinalIgnoreCase), $"{context}: {expected.MimeType} vs {actual.MimeType}");
        Assert.Equal(Parameters(expected.Parameters), Parameters(actual.Parameters));
    }

    private static string[] Parameters(ParameterList parameters) =>
        parameters.Where(p => !p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Name.ToLowerInvariant()}={(p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase) ? p.Value.ToLowerInvariant() : p.Value)}")
            .ToArray();

    private static void AssertSameEntity(MimeEntity? expected, MimeEntity? actual, string where)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.True(expected.ContentType.MimeType.Equals(actual.ContentType.MimeType, StringComparison.OrdinalIgnoreCase), $"{where}: {expected.ContentType.MimeType} vs {actual.ContentType.MimeType}");
        AssertSameHeaders(expected.Headers, actual.Headers, where);

        switch (expected)
        {
            case Multipart multipart:
                var other = (Multipart)actual;
                Assert.Equal(multipart.Count, other.Count);
                for (var i = 0; i < multipart.Count; i++)
                {
                    AssertSameEntity(multipart[i], other[i], $"{where}[{i}] ({multipart[i].ContentType.MimeType})");
                }

                break;
            case MimePart part:
                var actualPart = (MimePart)actual;
                Assert.Equal(part.ContentTransferEncoding, actualPart.ContentTransferEncoding);
                Assert.Equal(part.FileName, actualPart.FileName);
                Assert.Equal(part.ContentId, actualPart.ContentId);
                Assert.Equal(Decode(part), Decode(actualPart));
                if (part is TextPart text)
                {
                    Assert.Equal(text.Text, ((TextPart)actualPart).Text);
                }

                break;
        }
    }

    private static byte[] Decode(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content?.DecodeTo(output);
        return output.ToArray();
    }
}
