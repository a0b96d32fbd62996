using System.Text;
using Mailing.Runtime.Tests.Deliverability.Fixtures;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mailing.Runtime.Tests.Deliverability;

/// <summary>
/// DKIM signatures made through MimeKit's signer, checked by two verifiers that share no code with it in the signing
/// direction: Python's dkim module and MimeKit's DkimVerifier, with the public keys served through their DNS hooks.
/// </summary>
public sealed class DkimSigningTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task RsaSignature_VerifiesWithPythonDkimAndMimeKit()
    {
        var key = DkimTestKey.Rsa();

        var bytes = await SignInMemoryAsync(Message(), key);

        await AssertVerifiesAsync(bytes, 1, DkimTestKey.Dns(key));
    }

    [Fact]
    public async Task Ed25519Signature_VerifiesWithPythonDkimAndMimeKit()
    {
        var key = DkimTestKey.Ed25519Key();

        var bytes = await SignInMemoryAsync(Message(), key);

        Assert.Contains("a=ed25519-sha256", Signatures(bytes).Single(), StringComparison.Ordinal);
        await AssertVerifiesAsync(bytes, 1, DkimTestKey.Dns(key));
    }

    [Fact]
    public async Task RsaAndEd25519KeysForOneDomain_BothSign_AndBothSignaturesVerify()
    {
        // RFC 8463 §4: sign with both while receivers that only know RSA are common.
        var rsa = DkimTestKey.Rsa();
        var ed25519 = DkimTestKey.Ed25519Key();

        var bytes = await SignInMemoryAsync(Message(), rsa, ed25519);

        Assert.Equal(2, Signatures(bytes).Length);
        await AssertVerifiesAsync(bytes, 2, DkimTestKey.Dns(rsa, ed25519));
    }

    [Fact]
    public async Task Signature_IsRelaxedRelaxed_OversignsFrom_AndCoversTheUnsubscribeHeaders()
    {
        var key = DkimTestKey.Rsa();
        var bulk = Message() with { Kind = EmailKind.Bulk, Unsubscribe = new UnsubscribeTarget("https://shop.example/unsubscribe?token=abc") };

        var signature = Tags(Signatures(await SignInMemoryAsync(bulk, key)).Single());

        Assert.Equal("rsa-sha256", signature["a"]);
        Assert.Equal("relaxed/relaxed", signature["c"]);
        Assert.Equal("shop.example", signature["d"]);
        Assert.Equal("rsa2025", signature["s"]);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), signature["t"]);
        Assert.Equal("from:from:to:subject:date:message-id:mime-version:content-type:list-unsubscribe:list-unsubscribe-post", signature["h"]);
    }

    [Theory]
    [InlineData("Subject: May news", "Subject: May newz")]
    [InlineData("Hello Ann,", "Hello Bob,")]
    [InlineData("From: Shop <shop@shop.example>", "From: Shop <shop@shop.example>\r\nFrom: Bank <security@bank.example>")]
    [InlineData("To: ann@example.net", "To: ann@example.net\r\nTo: eve@example.org")]
    public async Task MessageAlteredAfterSigning_FailsBothVerifiers(string original, string altered)
    {
        var key = DkimTestKey.Rsa();
        var bytes = await SignInMemoryAsync(Message(), key);
        var text = Encoding.ASCII.GetString(bytes);
        Assert.Contains(original, text, StringComparison.Ordinal);

        var tampered = Encoding.ASCII.GetBytes(text.Replace(original, altered, StringComparison.Ordinal));

        await AssertFailsAsync(tampered, DkimTestKey.Dns(key));
    }

    [Fact]
    public async Task SignedMessageOverSmtp_ArrivesByteForByte_DotStuffingAndLineEndingsUndone()
    {
        var key = DkimTestKey.Rsa();
        var message = Message() with
        {
            MessageId = "dots-1@shop.example",
            HtmlBody = null,
            TextBody = "Hello Ann,\n.a line that starts with a dot\n..and one with two\n.\nthe line above was a lone dot\r\nmixed CRLF and LF\ntrailing spaces   \n\n\n",
        };

        var (wire, expected) = await SendOverSmtpAndInMemoryAsync(message, key);

        Assert.Contains("\r\n.a line that starts with a dot\r\n..and one with two\r\n.\r\n", Encoding.ASCII.GetString(wire), StringComparison.Ordinal);
        AssertSameBytes(expected, wire);
        await AssertVerifiesAsync(wire, 1, DkimTestKey.Dns(key));
    }

    [Fact]
    public async Task NonAsciiTextIsQuotedPrintableBeforeSigning_AndArrivesByteForByte()
    {
        var key = DkimTestKey.Rsa();
        var message = Message() with
        {
            MessageId = "utf8-1@shop.example",
            HtmlBody = null,
            TextBody = "Grüße aus Köln – “naïve café”\n.dot after a line break\n" + new string('x', 200) + " ünd\n",
        };

        var (wire, expected) = await SendOverSmtpAndInMemoryAsync(message, key);

        Assert.All(wire, b => Assert.True(b < 0x80, "an 8-bit byte reached the wire"));
        Assert.Contains("Content-Transfer-Encoding: quoted-printable", Encoding.ASCII.GetString(wire), StringComparison.Ordinal);
        AssertSameBytes(expected, wire);
        await AssertVerifiesAsync(wire, 1, DkimTestKey.Dns(key));
    }

    [Fact]
    public async Task BulkMessageWithHtmlAndAttachmentOverSmtp_VerifiesAtTheReceiver()
    {
        var rsa = DkimTestKey.Rsa();
        var ed25519 = DkimTestKey.Ed25519Key();
        var message = (Message() with
        {
            Kind = EmailKind.Bulk,
            Unsubscribe = new UnsubscribeTarget("https://shop.example/unsubscribe?token=abc", "mailto:unsubscribe@shop.example"),
            HtmlBody = "<p>Grüße,</p>\n<p>.starts with a dot</p><p>" + new string('y', 300) + "</p>",
        }).Attach(new EmailAttachment("prices.csv", Encoding.UTF8.GetBytes("item;price\n.dot;1\n"), "text/csv"));
        await using var capture = await WireCapture.StartAsync();
        await using var transport = new SmtpTransport(SmtpTestRig.OptionsFor(capture.Inbox)) { Dkim = DkimTestKey.Signer(null, rsa, ed25519) };

        await transport.SendAsync(message, SmtpTestRig.Timeout());
        var wire = await capture.NextAsync();

        await AssertVerifiesAsync(wire, 2, DkimTestKey.Dns(rsa, ed25519));
    }

    [Fact]
    public async Task EightBitPartOfAHandBuiltMessage_IsReEncodedBeforeSigning()
    {
        var key = DkimTestKey.Rsa();
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Shop", "shop@shop.example"));
        mime.To.Add(new MailboxAddress("Ann", "ann@example.net"));
        mime.Subject = "8bit";
        mime.Body = new TextPart("plain") { Text = "Grüße – 8bit text\n", ContentTransferEncoding = ContentEncoding.EightBit };

        Assert.True(DkimTestKey.Signer(null, key).Sign(mime));

        var body = Assert.IsType<TextPart>(mime.Body);
        Assert.NotEqual(ContentEncoding.EightBit, body.ContentTransferEncoding);
        using var stream = new MemoryStream();
        await mime.WriteToAsync(MimeKitFormat.Dos, stream);
        Assert.All(stream.ToArray(), b => Assert.True(b < 0x80));
        Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(stream.ToArray(), DkimTestKey.Dns(key)));
    }

    [Fact]
    public async Task PickupFile_IsSignedLikeTheWire()
    {
        var key = DkimTestKey.Ed25519Key();
        var directory = Directory.CreateTempSubdirectory("mailing-dkim-").FullName;
        try
        {
            var pickup = new PickupDirectoryTransport(directory) { Dkim = DkimTestKey.Signer(null, key) };

            await pickup.SendAsync(Message());

            var file = File.ReadAllBytes(Directory.GetFiles(directory, "*.eml").Single());
            Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(file, DkimTestKey.Dns(key)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task MailFromASubdomain_IsSignedWithTheParentDomainsKey_AndMailForAnotherDomainWithItsOwn()
    {
        var shop = DkimTestKey.Rsa("shop.example", "s1");
        var other = DkimTestKey.Ed25519Key("other.example", "s2");
        var transport = new InMemoryTransport(new FakeTimeProvider(Now)) { Dkim = DkimTestKey.Signer(null, shop, other) };

        await transport.SendAsync(Message() with { From = "news@news.shop.example" });
        await transport.SendAsync(Message() with { From = "hello@other.example" });

        var news = transport.Sent[0].MimeBytes.ToArray();
        var hello = transport.Sent[1].MimeBytes.ToArray();
        Assert.Equal("shop.example", Tags(Signatures(news).Single())["d"]);
        Assert.Equal("other.example", Tags(Signatures(hello).Single())["d"]);
        Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(news, DkimTestKey.Dns(shop, other)));
        Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(hello, DkimTestKey.Dns(shop, other)));
    }

    [Fact]
    public void EachFromDomain_KeepsItsKey_MessageAfterMessage_AndAUnicodeDomainIsSignedAsItsPunycode()
    {
        var shop = DkimTestKey.Rsa("shop.example", "s1");
        var books = DkimTestKey.Ed25519Key("xn--bcher-kva.example", "s2");
        var options = new DkimOptions { Keys = { shop.Options(), new DkimKeyOptions { Domain = "Bücher.example.", Selector = books.Selector, PrivateKey = books.PrivateKeyPem } } };
        var signer = new DkimMessageSigner(options, new FakeTimeProvider(Now));
        string[] froms = ["news@news.shop.example", "info@bücher.example", "news@news.shop.example", "hello@unrelated.example", "info@bücher.example"];

        var domains = froms.Select(from =>
        {
            using var mime = (Message() with { From = from }).ToMimeMessage(new FakeTimeProvider(Now));
            return signer.Sign(mime) ? Tags(mime.Headers[HeaderId.DkimSignature]!)["d"] : null;
        }).ToArray();

        Assert.Equal(new[] { "shop.example", "xn--bcher-kva.example", "shop.example", null, "xn--bcher-kva.example" }, domains);
        Assert.Equal(books.RecordName, signer.DnsRecords[1].Name);
    }

    [Fact]
    public async Task MailFromADomainWithoutAKey_IsSentUnsigned_WithAWarningThatShowsNoKeyMaterial()
    {
        var key = DkimTestKey.Rsa();
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var options = new DkimOptions { Keys = { key.Options() } };
        var transport = new InMemoryTransport() { Dkim = new DkimMessageSigner(options, null, factory.CreateLogger<DkimMessageSigner>()) };

        await transport.SendAsync(Message() with { From = "hello@unrelated.example" });

        Assert.Empty(Signatures(transport.Sent.Single().MimeBytes.ToArray()));
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("no configured key signs for unrelated.example", warning.Message, StringComparison.Ordinal);
        var pemBody = key.PrivateKeyPem.Split('\n')[1];
        Assert.All(logs.GetSnapshot(), record => Assert.DoesNotContain(pemBody, record.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void RsaSignatureThroughThePlatformsRsa_IsExactlyTheOneMimeKitsOwnRsaMakes()
    {
        // RSASSA-PKCS1-v1_5 is deterministic: the same key, headers, body and time must give the same b= byte for byte.
        var problems = new List<string>();
        var options = new DkimOptions { Keys = { DkimTestKey.Rsa().Options() } };
        var key = DkimKeyLoader.LoadAll(options, problems).Single();
        Assert.Empty(problems);
        Assert.NotNull(key.PlatformRsa);
        var managedOnly = new DkimKey(key.Domain, key.Selector, key.PrivateKey, key.Algorithm, key.Description, key.DnsRecord, platformRsa: null);
        var time = new FakeTimeProvider(Now);

        var platform = SignedHeader(new PlatformDkimSigner(key, time));
        var managed = SignedHeader(new PlatformDkimSigner(managedOnly, time));

        Assert.Equal(managed, platform);

        static string SignedHeader(MimeKit.Cryptography.DkimSigner signer)
        {
            // Text only: a multipart body would get a new random boundary per message.
            using var mime = (Message() with { HtmlBody = null }).ToMimeMessage(new FakeTimeProvider(Now));
            signer.Sign(mime, ["From", "To", "Subject", "Date", "Message-Id"]);
            return mime.Headers[HeaderId.DkimSignature]!;
        }
    }

    [Fact]
    public void DnsRecords_AreTheOnesReceiversNeed()
    {
        var rsa = DkimTestKey.Rsa();
        var ed25519 = DkimTestKey.Ed25519Key();

        var records = DkimTestKey.Signer(null, rsa, ed25519).DnsRecords;

        Assert.Equal([new DkimDnsRecord(rsa.RecordName, rsa.TxtRecord), new DkimDnsRecord(ed25519.RecordName, ed25519.TxtRecord)], records);
    }

    /// <summary>The bytes the transport wrote are the bytes the server received.</summary>
    private static void AssertSameBytes(byte[] written, byte[] received)
    {
        // RFC 5321 §4.1.1.4: in <CRLF>.<CRLF> the first CRLF ends the message's last line; the server library hands the
        // data over without it, so it is put back before comparing.
        byte[] completed = [.. received, (byte)'\r', (byte)'\n'];
        Assert.Equal(written, completed);
    }

    /// <summary>Both verifiers find <paramref name="signatures"/> signatures and every one is valid.</summary>
    private static async Task AssertVerifiesAsync(byte[] message, int signatures, IReadOnlyDictionary<string, string> dns)
    {
        var expected = Enumerable.Repeat(true, signatures).ToArray();
        Assert.Equal(expected, await PythonDkim.VerifyAsync(message, dns));
        Assert.Equal(expected, await MimeKitDkim.VerifyAsync(message, dns));
    }

    private static async Task AssertFailsAsync(byte[] message, IReadOnlyDictionary<string, string> dns)
    {
        Assert.Equal(new[] { false }, await PythonDkim.VerifyAsync(message, dns));
        Assert.Equal(new[] { false }, await MimeKitDkim.VerifyAsync(message, dns));
    }

    private static EmailMessage Message() => new()
    {
        From = new EmailAddress("shop@shop.example", "Shop"),
        To = ["ann@example.net"],
        Subject = "May news",
        TextBody = "Hello Ann,\nhere is what is new in May.\n",
        HtmlBody = "<p>Hello Ann,</p><p>here is what is new in May.</p>",
        MessageId = "may-news-1@shop.example",
    };

    private static async Task<byte[]> SignInMemoryAsync(EmailMessage message, params DkimTestKey[] keys)
    {
        var time = new FakeTimeProvider(Now);
        var transport = new InMemoryTransport(time) { Dkim = DkimTestKey.Signer(time, keys) };
        await transport.SendAsync(message);
        return transport.Sent.Single().MimeBytes.ToArray();
    }

    /// <summary>The same message signed at the same instant, once sent over SMTP and once kept in memory (what the transport wrote).</summary>
    private static async Task<(byte[] Wire, byte[] Written)> SendOverSmtpAndInMemoryAsync(EmailMessage message, DkimTestKey key)
    {
        var time = new FakeTimeProvider(Now);
        var signer = DkimTestKey.Signer(time, key);
        await using var capture = await WireCapture.StartAsync();
        await using var smtp = new SmtpTransport(SmtpTestRig.OptionsFor(capture.Inbox), timeProvider: time) { Dkim = signer };
        var memory = new InMemoryTransport(time) { Dkim = signer };

        await smtp.SendAsync(message, SmtpTestRig.Timeout());
        await memory.SendAsync(message);

        return (await capture.NextAsync(), memory.Sent.Single().MimeBytes.ToArray());
    }

    private static string[] Signatures(byte[] message)
    {
        using var stream = new MemoryStream(message);
        return MimeMessage.Load(stream).Headers.Where(h => h.Id == HeaderId.DkimSignature).Select(h => h.Value).ToArray();
    }

    private static Dictionary<string, string> Tags(string signature) =>
        signature.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(tag => tag.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => string.Concat(pair[1].Where(c => !char.IsWhiteSpace(c))));
}
