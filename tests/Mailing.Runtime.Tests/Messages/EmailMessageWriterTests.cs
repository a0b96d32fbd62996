using System.Text;
using Mailing.Runtime.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mailing.Runtime.Tests.Messages;

/// <summary>
/// Mailing's own MIME writer against MimeKit's path (MimeMessageFactory + WriteTo) for the same message: MimeKit parses
/// both, and headers, structure and every decoded part must be the same, across the shapes and the hostile text a message
/// can have; written for a server with 8BITMIME, against the same message with the text parts MimeKit would send 8bit
/// there switched to 8bit.
/// </summary>
public sealed class EmailMessageWriterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 7, 18, 59, 31, TimeSpan.Zero));
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0xFF, 0x00, 0x7F, 0x2E, 0x0A, 0x2E];

    public static TheoryData<string> Cases() => [.. Messages.Keys];

    private static readonly Dictionary<string, Func<EmailMessage>> Messages = new()
    {
        ["text only"] = () => Basic() with { TextBody = "Thanks for your order." },
        ["html only, text derived"] = () => Basic() with { HtmlBody = "<p>Thanks for <b>your</b> order.</p><ul><li>one</li><li>two</li></ul>" },
        ["html and text"] = () => Basic() with { HtmlBody = "<p>HTML</p>", TextBody = "Hand-written text\nsecond line\n" },
        ["empty subject and bodies"] = () => Basic() with { Subject = "" },
        ["inline image"] = () => (Basic() with { HtmlBody = "<img src=\"cid:logo\" alt=\"Shop\">" })
            .Embed(new InlineResource("logo", Png, "image/png", "logo.png"))
            .Embed(new InlineResource("logo2@shop.example", Png, "image/gif")),
        ["attachments with non-ASCII and long names"] = () => (Basic() with { HtmlBody = "<p>Invoice attached</p>" })
            .Attach(new EmailAttachment("invoice.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 fake")))
            .Attach(new EmailAttachment("Überweisung März.txt", Encoding.UTF8.GetBytes("Grüße"), "text/plain"))
            .Attach(new EmailAttachment("Überweisung März mit einem sehr langen Dateinamen, der weitergeht und weitergeht (Kopie 2).txt", new byte[300], "text/plain; charset=utf-8"))
            .Attach(new EmailAttachment("注文書 🎉.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n")))
            .Attach(new EmailAttachment("a name with \"quotes\" and spaces.bin", new byte[] { 1, 2, 3 }, "application/octet-stream"))
            .Attach(new EmailAttachment("empty.dat", Array.Empty<byte>())),
        ["attachments and inline images together"] = () => (Basic() with { HtmlBody = "<p><img src=\"cid:logo\"></p>", TextBody = "see the logo" })
            .Embed(new InlineResource("logo", Png, "image/png", "Logo ünïcode.png"))
            .Attach(new EmailAttachment("big.bin", Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray())),
        ["non-ASCII everywhere"] = () => new EmailMessage
        {
            From = new EmailAddress("shop@shop.example", "Bücherstube \"Müller\", GmbH"),
            Sender = new EmailAddress("agent@shop.example", "Agent Ŝmith"),
            ReplyTo = [new EmailAddress("help@shop.example", "Hilfe – Kundendienst")],
            To = [new EmailAddress("ann@example.com", "Zoë Ŝmith 山田"), new EmailAddress("jörg@bücher.example"), new EmailAddress("bob@example.com", "Smith, Bob")],
            Cc = [new EmailAddress("用户@例子.广告", "用户")],
            Bcc = [new EmailAddress("audit@example.com", "Audit ✓")],
            Subject = "Ihre Bestellung über 12 € — 注文 🎉 and a long subject that goes on and on and on for a while to see folding behaviour",
            HtmlBody = "<p>Grüße, 山田さん 🎉</p>\n<p>.dot</p>",
            TextBody = "Hello\n.dot line\nGrüße 👩‍👩‍👧\nFrom here\n",
            MessageId = "a1b2c3@shop.example",
        }.WithHeader("X-Kampagne", "Frühling 🌸").WithHeader("List-Unsubscribe", "<https://x.example/u?a=1>, <mailto:u@x.example>"),
        ["long lines and long words"] = () => Basic() with
        {
            Subject = string.Concat(Enumerable.Repeat("Überweisung 12345 ", 600)).TrimEnd() + " " + new string('x', 1200),
            TextBody = new string('a', 5000) + " Grüße\n" + new string('b', 80) + "\n" + "trailing space \ntrailing tab\t\nlone\rcarriage return\r\n",
            HtmlBody = "<div>" + string.Concat(Enumerable.Repeat("<span class=\"x\">word</span> ", 400)) + "</div>",
        },
        ["plain ASCII that stays 7bit"] = () => Basic() with
        {
            TextBody = "Line one\nLine two\r\n.starts with a dot\n..two dots\n.\nend",
            HtmlBody = "<p>short</p>\n<p>lines</p>\n",
        },
        ["a line starting with From goes quoted-printable"] = () => Basic() with { TextBody = "Hello\nFrom the team\nbye\n" },
        ["non-ASCII lines at and over 998 octets"] = () => Basic() with
        {
            TextBody = new string('é', 499) + "\n.leading dot\n..two dots\n.\nGrüße, end",
            HtmlBody = "<p>" + new string('€', 332) + "</p>\n<p>" + new string('€', 333) + "</p>",
        },
        ["non-ASCII text with a lone carriage return"] = () => Basic() with { TextBody = "Grüße\rvom Team\n", HtmlBody = "<p>Grüße</p>\r\n" },
        ["display names needing quotes"] = () => Basic() with
        {
            From = new EmailAddress("shop@shop.example", "Dr. Who"),
            To = [new EmailAddress("a@example.com", "O'Brien, Pat"), new EmailAddress("b@example.com", "back\\slash \"and\" quote"), new EmailAddress("c@example.com", "Plain Name"), new EmailAddress("d@example.com", " padded  name ")],
            TextBody = "x",
        },
        ["many recipients fold"] = () => Basic() with
        {
            To = Enumerable.Range(0, 60).Select(i => new EmailAddress($"user{i}@example.com", i % 2 == 0 ? $"User Number {i}" : null)).ToArray(),
            Cc = Enumerable.Range(0, 10).Select(i => new EmailAddress($"cc{i}@example.com", $"Grüße {i} ✓")).ToArray(),
            TextBody = "x",
        },
        ["priorities and custom headers"] = () => (Basic() with { Priority = EmailPriority.High, TextBody = "x" })
            .WithHeader("X-Looks-Encoded", "=?iso-8859-1?q?caf=E9?=")
            .WithHeader("X-Tabs", "a\tb  c")
            .WithHeader("X-Long", string.Join(", ", Enumerable.Range(0, 80).Select(i => $"\"field_{i}\": \"value {i}\""))),
        ["low priority, encoded-word look-alike subject"] = () => Basic() with { Priority = EmailPriority.Low, Subject = "=?utf-8?b?UGF5IG5vdw==?= literally" + new string('x', 200), TextBody = "x" },
        ["shipping notification fixture"] = () => Fixture("shipping-notification.html"),
        ["leemunroe fixture"] = () => Fixture("leemunroe-email.html"),
        ["mailgun fixture"] = () => Fixture("mailgun-billing.html"),
        ["postmark fixture"] = () => Fixture("postmark-welcome.html"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryShape_ParsesToWhatMimeKitsPathWrites_OnTheWire(string name)
    {
        var message = Messages[name]();

        AssertEquivalent(message, hideBlindCopies: true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryShape_ParsesToWhatMimeKitsPathWrites_InAFile(string name)
    {
        var message = Messages[name]();

        AssertEquivalent(message, hideBlindCopies: false);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryShape_ForAServerWith8BitMime_ParsesToWhatMimeKitWouldSendThere(string name)
    {
        var message = Messages[name]();

        AssertEquivalent(message, hideBlindCopies: true, eightBitMime: true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryShape_IsNoLargerThanItsMaxSize_WhichDecidesWhetherSizeMustBeDeclared(string name)
    {
        // An undercount would leave a message near the server's limit undeclared: refused after its data, not before.
        var writer = new EmailMessageWriter(Messages[name]() with { MessageId = "fixed-id@shop.example" }, "fixed-id@shop.example", Clock.GetUtcNow(), hideBlindCopies: false);
        using var output = new MessageBuffer(writer.SizeHint, dotStuffing: false);

        await writer.WriteAsync(output, eightBitMime: false, CancellationToken.None);

        Assert.True(writer.MaxSize >= output.MessageLength, $"{output.MessageLength} bytes written, {writer.MaxSize} allowed for");
    }

    [Fact]
    public void ForAServerWith8BitMime_NonAsciiTextGoes8bit_UnlessALineIsOver998Octets_AndAsciiTextKeepsItsEncoding()
    {
        var message = Basic() with
        {
            TextBody = "Grüße\n" + new string('é', 499) + "\n",             // a line of exactly 998 octets
            HtmlBody = "<p>" + new string('é', 500) + "</p>",                 // 1,007 octets
        };
        var ascii = Basic() with { TextBody = "Thanks\n", HtmlBody = "<p>" + new string('x', 200) + "</p>" };

        var written = MimeEquivalence.Parse(MimeEquivalence.WriteWithMailing(message with { MessageId = "a@shop.example" }, Clock, hideBlindCopies: true, eightBitMime: true));
        var asciiWritten = MimeEquivalence.Parse(MimeEquivalence.WriteWithMailing(ascii with { MessageId = "b@shop.example" }, Clock, hideBlindCopies: true, eightBitMime: true));

        Assert.Equal([ContentEncoding.EightBit, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(written));
        Assert.Equal([ContentEncoding.SevenBit, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(asciiWritten));
    }

    [Fact]
    public void WithoutA8BitMimeServer_NonAsciiTextStaysQuotedPrintable()
    {
        var message = Basic() with { TextBody = "Grüße\n", HtmlBody = "<p>Grüße</p>", MessageId = "c@shop.example" };

        var written = MimeEquivalence.Parse(MimeEquivalence.WriteWithMailing(message, Clock, hideBlindCopies: true, eightBitMime: false));

        Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(written));
    }

    [Fact]
    public void ProviderHeaders_FollowTheMessagesOwn_AsMimeKitsPathAddsThem()
    {
        var extra = new[]
        {
            KeyValuePair.Create("X-SMTPAPI", "{\"category\": [\"receipt\", \"\\u00dcn\\u00efcode tag\"], " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"\"field_{i}\": \"{new string('a', 60)}\"")) + "}"),
            KeyValuePair.Create("X-PM-Metadata-plan", "Prämie"),
            KeyValuePair.Create("X-PM-Tag", "=?utf-8?q?looks_encoded?="),
        };

        AssertEquivalent(Basic() with { TextBody = "x" }, hideBlindCopies: true, extra);
    }

    [Fact]
    public async Task AttachmentsAndInlineImagesFromFiles_AreReadInChunks_AndArriveWhole()
    {
        var attachmentPath = Path.Combine(Path.GetTempPath(), $"mailing-writer-{Guid.NewGuid():N}.bin");
        var imagePath = Path.Combine(Path.GetTempPath(), $"mailing-writer-{Guid.NewGuid():N}.png");
        // Not a multiple of the 57-byte base64 line nor of the read chunk, so both carry a remainder.
        var attachment = Enumerable.Range(0, (57 * 1024 * 2) + 100).Select(i => (byte)(i % 251)).ToArray();
        await File.WriteAllBytesAsync(attachmentPath, attachment);
        await File.WriteAllBytesAsync(imagePath, Png);
        try
        {
            var message = (Basic() with { HtmlBody = "<img src=\"cid:pic\">" })
                .Attach(EmailAttachment.FromFile(attachmentPath))
                .Embed(InlineResource.FromFile("pic", imagePath));

            AssertEquivalent(message, hideBlindCopies: true);
        }
        finally
        {
            File.Delete(attachmentPath);
            File.Delete(imagePath);
        }
    }

    [Fact]
    public void BlindCopies_AreLeftOutOnTheWire_AndKeptInAFile()
    {
        var message = Basic() with { Bcc = [new EmailAddress("audit@shop.example")], TextBody = "x", MessageId = "bcc@shop.example" };

        var wire = MimeEquivalence.Parse(MimeEquivalence.WriteWithMailing(message, Clock, hideBlindCopies: true));
        var file = MimeEquivalence.Parse(MimeEquivalence.WriteWithMailing(message, Clock, hideBlindCopies: false));

        Assert.False(wire.Headers.Contains(HeaderId.Bcc));
        Assert.Equal("audit@shop.example", file.Bcc.Mailboxes.Single().Address);
    }

    [Fact]
    public void TheDecodedTextPart_IsWhatMimeKitDecodesFromItsOwnPart()
    {
        foreach (var text in new[] { "a\nb", "a\r\nb\n", "lone\rcr\n\nend", "Grüße\n", "", "\n", "\n\r\n\n" })
        {
            // Beside HTML, so the text part is not the whole message body (which MimeKit ends with a line break).
            using var mime = MimeMessageFactory.Create(Basic() with { TextBody = text, HtmlBody = "<p>x</p>" }, Clock);

            Assert.Equal(mime.TextBody, EmailMessageWriter.ReadBackText(text));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void HostileRandomText_InSubjectHeadersNamesAndBodies_ParsesLikeMimeKitsPath(int seed)
    {
        var random = new Random(seed);
        string[] fragments =
        [
            "Grüße", "注文", "🎉", "👩‍👩‍👧", "Ωμέγα", "مرحبا", "שלום", "\"quoted\"", "(comment)", "a,b;c:d", "<angle>", "\\", "\t", "  ",
            "x", "Subject:", "%", "\u00A0", "\u200B", "é", "ß", "İ", ".", "@", "'", "€", "\u0001", "\u007F", "\uFEFF", "\n", "\r\n", "\n.", "From ", "=",
        ];
        string Text(int max, bool lineBreaks)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, max); i > 0; i--)
            {
                var fragment = fragments[random.Next(fragments.Length)];
                text.Append(!lineBreaks && fragment.Contains('\n', StringComparison.Ordinal) ? " " : fragment);
            }

            return text.ToString();
        }

        for (var i = 0; i < 40; i++)
        {
            var name = Text(8, lineBreaks: false).Trim().Replace("=?", "=", StringComparison.Ordinal);
            var message = new EmailMessage
            {
                From = new EmailAddress("shop@shop.example", name.Length == 0 ? null : name),
                To = ["ann@example.com"],
                Subject = Text(40, lineBreaks: false).Trim(),
                TextBody = Text(200, lineBreaks: true),
                HtmlBody = i % 2 == 0 ? null : "<p>" + Text(100, lineBreaks: true) + "</p>",
                MessageId = "random@shop.example",
            }.WithHeader("X-Random", Text(20, lineBreaks: false).Trim());

            AssertEquivalent(message, hideBlindCopies: true);
            AssertEquivalent(message, hideBlindCopies: true, eightBitMime: true);
        }
    }

    private static void AssertEquivalent(EmailMessage message, bool hideBlindCopies, IReadOnlyList<KeyValuePair<string, string>>? extraHeaders = null, bool eightBitMime = false)
    {
        message = message.MessageId is null ? message with { MessageId = "fixed-id@shop.example" } : message;
        var mimeKits = MimeEquivalence.WriteWithMimeKit(message, Clock, hideBlindCopies, extraHeaders, eightBitMime);
        var ours = MimeEquivalence.WriteWithMailing(message, Clock, hideBlindCopies, extraHeaders, eightBitMime);

        MimeEquivalence.AssertWellFormed(ours, eightBitBody: eightBitMime);
        MimeEquivalence.AssertSame(MimeEquivalence.Parse(mimeKits), MimeEquivalence.Parse(ours));
    }

    private static EmailMessage Basic() => new()
    {
        From = new EmailAddress("shop@shop.example", "Shop"),
        To = ["ann@example.com"],
        Subject = "Your order",
    };

    private static EmailMessage Fixture(string file) => Basic() with
    {
        Subject = "Fixture " + file,
        HtmlBody = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Messages", "Fixtures", file)),
    };
}
