using System.Text;
using Mailing.Runtime.Tests.TestSupport;

namespace Mailing.Runtime.Tests.Messages;

/// <summary>
/// Hostile text from a fixed-seed generator (deterministic): any script, emoji, quotes, encoded-word
/// look-alikes, controls. What the receiver parses must be exactly what was sent.
/// </summary>
public sealed class RandomTextRoundTripTests
{
    private const int Cases = 300;

    private static readonly string[] Fragments =
    [
        "Grüße", "注文", "🎉", "👩‍👩‍👧", "Ωμέγα", "مرحبا", "שלום", "=?utf-8?q?fake?=", "\"quoted\"", "(comment)",
        "a,b;c:d", "<angle>", "\\", "\t", "  ", "x", "Subject:", "%", "\u00A0", "\u200B", "é", "ß", "İ", ".",
        "@", "'", "€", "\u0001", "\u007F", "\uFEFF",
    ];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 10; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    private static string RandomText(Random random, int maxFragments)
    {
        var text = new StringBuilder();
        var count = random.Next(1, maxFragments);
        for (var i = 0; i < count; i++)
        {
            text.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SubjectHeaderAndDisplayName_ArriveExactlyAsSent(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases / 10; i++)
        {
            // Leading and trailing whitespace is not significant in headers (RFC 5322 unfolding); interior text is.
            var subject = RandomText(random, 40).Trim();
            var header = RandomText(random, 20).Trim();
            var name = RandomText(random, 8).Trim();
            if (EncodedWordLookalikeEncoder.NeedsEncoding(name))
            {
                Assert.Equal("DisplayName", Assert.Throws<ArgumentException>(() => new EmailAddress("shop@shop.example", name)).ParamName);
                name = name.Replace("=?", "=", StringComparison.Ordinal);
            }

            var message = new EmailMessage
            {
                From = new EmailAddress("shop@shop.example", name),
                To = ["ann@example.com"],
                Subject = subject,
                TextBody = subject,
            }.WithHeader("X-Random", header);

            var (parsed, raw) = MimeParsing.RoundTrip(message);

            // MimeKit may write a tab next to an encoded word as a space; nothing else may change.
            Assert.Equal(Tabless(subject), Tabless(parsed.Subject));
            Assert.Equal(Tabless(header), Tabless(parsed.Headers["X-Random"]));
            Assert.Equal(Tabless(name), Tabless(parsed.From.Mailboxes.Single().Name ?? ""));
            Assert.True(MimeParsing.RawHeaders(raw).All(c => c is >= ' ' and < '\u007F' or '\r' or '\n' or '\t'), "header block must be printable 7-bit ASCII");
            Assert.Single(parsed.Headers, h => h.Field == "Subject");
        }
    }

    [Fact]
    public void EncodedWordLookalike_IsNotDecodedIntoSomethingElseByTheReceiver()
    {
        var subject = "=?utf-8?b?UGF5IG5vdw==?= literally";

        var (parsed, raw) = MimeParsing.RoundTrip(new EmailMessage { From = "shop@shop.example", To = ["ann@example.com"], Subject = subject + new string('x', 200) }
            .WithHeader("X-Note", "=?iso-8859-1?q?caf=E9?="));

        Assert.Equal(subject + new string('x', 200), parsed.Subject);
        Assert.DoesNotContain("\n", raw.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 78, $"line of {line.Length} characters"));
        Assert.Equal("=?iso-8859-1?q?caf=E9?=", parsed.Headers["X-Note"]);
    }

    private static string Tabless(string? text) => (text ?? "").Replace('\t', ' ');

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AnyTextWithALineBreak_IsRefusedAsSubjectAndHeaderValue(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases / 10; i++)
        {
            var text = RandomText(random, 10);
            var hostile = text.Insert(random.Next(text.Length + 1), random.Next(3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" }) + "Bcc: victim@example.org";

            Assert.Equal("Subject", Assert.Throws<ArgumentException>(() => new EmailMessage { Subject = hostile }).ParamName);
            Assert.Equal("Headers[X-Random]", Assert.Throws<ArgumentException>(() => new EmailMessage().WithHeader("X-Random", hostile)).ParamName);
            Assert.False(EmailAddress.TryParse($"{hostile} <ann@example.com>", out _));
        }
    }
}
