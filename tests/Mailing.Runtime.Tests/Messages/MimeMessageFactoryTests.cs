using System.Text;
using Mailing.Runtime.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mailing.Runtime.Tests.Messages;

public sealed class MimeMessageFactoryTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0xFF, 0x00, 0x7F];

    private static EmailMessage Basic(Func<EmailMessage, EmailMessage>? change = null)
    {
        var message = new EmailMessage
        {
            From = new EmailAddress("shop@shop.example", "Shop"),
            To = ["ann@example.com"],
            Subject = "Your order",
        };
        return change is null ? message : change(message);
    }

    [Fact]
    public void TextOnly_IsASingleTextPlainPart()
    {
        var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { TextBody = "Thanks for your order." }));

        var part = Assert.IsType<TextPart>(parsed.Body);
        Assert.True(part.IsPlain);
        // A single-part body ends with the line break that terminates the message.
        Assert.Equal("Thanks for your order.", part.Text.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void HtmlOnly_BecomesAlternativeWithATextPartDerivedFromTheHtmlFirst()
    {
        var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { HtmlBody = "<p>Thanks for <b>your</b> order.</p>" }));

        var alternative = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Equal(2, alternative.Count);
        var text = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(text.IsPlain);
        Assert.Equal("Thanks for your order.", text.Text);
        Assert.True(html.IsHtml);
        Assert.Equal("<p>Thanks for <b>your</b> order.</p>", html.Text);
    }

    [Fact]
    public void HtmlAndText_KeepsTheGivenText()
    {
        var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { HtmlBody = "<p>HTML</p>", TextBody = "Hand-written text" }));

        Assert.Equal("Hand-written text", parsed.TextBody);
        Assert.Equal("<p>HTML</p>", parsed.HtmlBody);
    }

    [Fact]
    public void InlineImage_IsRelatedToTheHtmlInsideTheAlternative()
    {
        var message = Basic(m => m with { HtmlBody = "<img src=\"cid:logo\" alt=\"Shop\">" })
            .Embed(new InlineResource("logo", Png, "image/png", "logo.png"));

        var (parsed, _) = MimeParsing.RoundTrip(message);

        var alternative = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.True(Assert.IsType<TextPart>(alternative[0]).IsPlain);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.True(Assert.IsType<TextPart>(related.Root).IsHtml);
        var image = Assert.IsType<MimePart>(related[1]);
        Assert.Equal("image/png", image.ContentType.MimeType);
        Assert.Equal("logo", image.ContentId);
        Assert.Equal(ContentDisposition.Inline, image.ContentDisposition?.Disposition);
        Assert.Equal(Png, Decode(image));
        Assert.Same(image, related[related.IndexOf(new Uri("cid:logo"))]);
    }

    [Fact]
    public void Attachments_WrapTheBodyInMixedAndRoundTripTheirBytesAndNames()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 fake");
        var message = Basic(m => m with { HtmlBody = "<p>Invoice attached</p>" })
            .Attach(new EmailAttachment("invoice.pdf", pdf))
            .Attach(new EmailAttachment("Überweisung März.txt", Encoding.UTF8.GetBytes("Grüße"), "text/plain"));

        var (parsed, _) = MimeParsing.RoundTrip(message);

        var mixed = Assert.IsType<Multipart>(parsed.Body);
        Assert.Equal("mixed", mixed.ContentType.MediaSubtype);
        Assert.IsType<MultipartAlternative>(mixed[0]);
        var attachments = parsed.Attachments.Cast<MimePart>().ToArray();
        Assert.Equal(["invoice.pdf", "Überweisung März.txt"], attachments.Select(a => a.FileName));
        Assert.Equal("application/pdf", attachments[0].ContentType.MimeType);
        Assert.Equal(pdf, Decode(attachments[0]));
        Assert.Equal(Encoding.UTF8.GetBytes("Grüße"), Decode(attachments[1]));
    }

    [Fact]
    public void MessageIdAndDate_AreSetFromTheSenderDomainAndTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

        var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { TextBody = "x" }), clock);

        Assert.EndsWith("@shop.example", parsed.MessageId, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), parsed.Date);
    }

    [Fact]
    public void IdempotencyKey_GivesTheSameMessageIdEveryTime_AndDifferentKeysDiffer()
    {
        var message = Basic(m => m with { TextBody = "x", IdempotencyKey = "order-42-receipt" });

        var first = MimeParsing.RoundTrip(message).Parsed.MessageId;
        var second = MimeParsing.RoundTrip(message).Parsed.MessageId;
        var other = MimeParsing.RoundTrip(message with { IdempotencyKey = "order-43-receipt" }).Parsed.MessageId;

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void NonAsciiEverywhere_IsEncodedOnTheWireAndDecodesBack()
    {
        var message = new EmailMessage
        {
            From = new EmailAddress("shop@shop.example", "Bücherstube Müller"),
            To = [new EmailAddress("ann@example.com", "Zoë Ŝmith 山田")],
            Subject = "Ihre Bestellung über 12 € — 注文 🎉",
            HtmlBody = "<p>Grüße, 山田さん 🎉</p>",
        }.WithHeader("X-Kampagne", "Frühling 🌸");

        var (parsed, raw) = MimeParsing.RoundTrip(message);

        var headers = MimeParsing.RawHeaders(raw);
        Assert.True(headers.All(c => c < 128), "headers must be 7-bit ASCII (RFC 2047 encoded words)");
        Assert.Equal("Ihre Bestellung über 12 € — 注文 🎉", parsed.Subject);
        Assert.Equal("Bücherstube Müller", parsed.From.Mailboxes.Single().Name);
        Assert.Equal("Zoë Ŝmith 山田", parsed.To.Mailboxes.Single().Name);
        Assert.Equal("Frühling 🌸", parsed.Headers["X-Kampagne"]);
        Assert.Equal("Grüße, 山田さん 🎉", parsed.TextBody);
    }

    [Fact]
    public void HugeSubject_IsFoldedWithinTheLineLimitAndDecodesBackUnchanged()
    {
        var subject = string.Concat(Enumerable.Repeat("Überweisung 12345 ", 600));

        var (parsed, raw) = MimeParsing.RoundTrip(Basic(m => m with { Subject = subject, TextBody = "x" }));

        // RFC 5322 §2.1.1: no line may exceed 998 characters.
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 998, $"line of {line.Length} characters"));
        Assert.Equal(subject.TrimEnd(), parsed.Subject?.TrimEnd());
    }

    [Fact]
    public void LongBodyLines_AreEncodedSoNoLineExceedsTheLimit()
    {
        var text = new string('a', 5000) + " Grüße";

        var (parsed, raw) = MimeParsing.RoundTrip(Basic(m => m with { TextBody = text }));

        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 998, $"line of {line.Length} characters"));
        Assert.Equal(text, parsed.TextBody?.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void InternationalDomain_IsWrittenAsPunycodeInTheHeader()
    {
        var (parsed, raw) = MimeParsing.RoundTrip(Basic(m => m with { To = ["ann@bücher.example"], TextBody = "x" }));

        Assert.Contains("ann@xn--bcher-kva.example", MimeParsing.RawHeaders(raw), StringComparison.Ordinal);
        Assert.DoesNotContain("bücher", MimeParsing.RawHeaders(raw), StringComparison.Ordinal);

        // MimeKit decodes punycode back to Unicode when it parses, so the reader sees the domain as written.
        Assert.Equal("ann@bücher.example", parsed.To.Mailboxes.Single().Address);
    }

    [Fact]
    public void Utf8LocalPart_IsWrittenAsUtf8PerRfc6532AndParsesBack()
    {
        var (parsed, raw) = MimeParsing.RoundTrip(Basic(m => m with { To = ["jörg@bücher.example"], TextBody = "x" }));

        // A local part cannot be encoded into ASCII: it travels as UTF-8, which needs SMTPUTF8 on the server.
        Assert.Contains("To: jörg@", MimeParsing.RawHeaders(raw), StringComparison.Ordinal);
        Assert.Equal("jörg@bücher.example", parsed.To.Mailboxes.Single().Address);
    }

    [Fact]
    public void AllAddressFields_AreWritten()
    {
        var message = Basic(m => m with
        {
            Sender = "agent@shop.example",
            ReplyTo = ["support@shop.example"],
            Cc = ["bob@example.com"],
            Bcc = ["audit@shop.example"],
            TextBody = "x",
        });

        var (parsed, _) = MimeParsing.RoundTrip(message);

        Assert.Equal("agent@shop.example", parsed.Sender?.Address);
        Assert.Equal("support@shop.example", parsed.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("bob@example.com", parsed.Cc.Mailboxes.Single().Address);
        Assert.Equal("audit@shop.example", parsed.Bcc.Mailboxes.Single().Address);
    }

    [Theory]
    [InlineData(EmailPriority.High, "1 (Highest)", "high")]
    [InlineData(EmailPriority.Low, "5 (Lowest)", "low")]
    public void Priority_IsWrittenAsTheHeadersMailClientsRead(EmailPriority priority, string xPriority, string importance)
    {
        var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { Priority = priority, TextBody = "x" }));

        Assert.Equal(xPriority, parsed.Headers[HeaderId.XPriority]);
        Assert.Equal(importance, parsed.Headers[HeaderId.Importance]);
    }

    [Fact]
    public void NormalPriority_WritesNoPriorityHeaders()
    {
        var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { TextBody = "x" }));

        Assert.False(parsed.Headers.Contains(HeaderId.XPriority));
        Assert.False(parsed.Headers.Contains(HeaderId.Importance));
    }

    [Fact]
    public void EmptyBodiesAndEmptySubject_GiveAValidMessageWithAnEmptyTextPart()
    {
        var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { Subject = "" }));

        Assert.Equal("", parsed.Subject);
        Assert.Equal("", Assert.IsType<TextPart>(parsed.Body).Text.Trim());
    }

    [Fact]
    public void TagsAndMetadata_AreNotWrittenIntoTheMessage()
    {
        var (_, raw) = MimeParsing.RoundTrip(Basic(m => m with { TextBody = "x" }).WithTag("welcome-tag").WithMetadata("user-id", "secret-42"));

        Assert.DoesNotContain("welcome-tag", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-42", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void NoFrom_IsRefusedWithAPointerToConfiguration()
    {
        var error = Assert.Throws<ArgumentException>(() => MimeMessageFactory.Create(Basic(m => m with { From = null })));

        Assert.Contains("Mailing:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRecipients_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => MimeMessageFactory.Create(Basic(m => m with { To = [] })));

        Assert.Contains("no recipients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineResourcesWithoutHtml_AreRefused()
    {
        var message = Basic(m => m with { TextBody = "x" }).Embed(new InlineResource("logo", Png, "image/png"));

        var error = Assert.Throws<ArgumentException>(() => MimeMessageFactory.Create(message));

        Assert.Contains("cid:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AttachmentFromFile_IsReadWhenTheMessageIsBuilt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailing-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        try
        {
            var (parsed, _) = MimeParsing.RoundTrip(Basic(m => m with { TextBody = "x" }).Attach(EmailAttachment.FromFile(path)));

            var part = Assert.IsAssignableFrom<MimePart>(parsed.Attachments.Single());
            Assert.Equal("text/csv", part.ContentType.MimeType);
            Assert.Equal("a,b\n1,2\n"u8.ToArray(), Decode(part));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Decode(MimePart part)
    {
        using var output = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(output);
        return output.ToArray();
    }
}
