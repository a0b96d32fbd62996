using System.Text;
using MimeKit;
using MimeKit.Encodings;
using MimeKit.IO.Filters;

namespace Mailing.Runtime.Tests.Messages;

/// <summary>
/// The text parts' transfer encoding: the same 7bit-or-quoted-printable choice as MimeKit, valid quoted-printable, and for a
/// server with 8BITMIME the same 8bit choice as MimeKit makes there (MailKit's <c>GetBestEncoding(EightBit, 998)</c>).
/// </summary>
public sealed class TextTransferEncodingTests
{
    public static TheoryData<string> Texts() =>
    [
        "", "plain", "plain\nascii\r\n", new string('x', 78), new string('x', 79), new string('x', 78) + "\r", new string('x', 78) + "\r\n",
        "From here", "From here\n", "x\nFrom here\n", "x\r\nFrom \r\n", "Frome\n", "from here\n", "nul\0byte", "Grüße", "tab\tand  spaces  \n",
        "trailing space \ntrailing tab\t\r\nend ", "lone\rcr", "=3D literally", ".\r\n.dot\n", new string('é', 200), "\n\n\n",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void TheSevenBitChoice_IsMimeKitsBestEncodingChoiceForASevenBitServer_ButNeverForABareCarriageReturn(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);

        Assert.Equal(MimeKitChoosesSevenBit(utf8), TextTransferEncoding.IsSevenBit(utf8));
    }

    [Fact]
    public void TheSevenBitChoice_AgreesWithMimeKit_OnRandomText()
    {
        var random = new Random(12);
        string[] pieces = ["a", " ", "\t", "\r", "\n", "\r\n", "From ", "é", "\0", new string('y', 40), "."];
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var utf8 = Encoding.UTF8.GetBytes(text);

            Assert.True(MimeKitChoosesSevenBit(utf8) == TextTransferEncoding.IsSevenBit(utf8), $"'{text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}'");
        }
    }

    public static TheoryData<string> EightBitTexts() =>
    [
        "Grüße\n", "plain ascii\n", new string('é', 499), new string('é', 500), "x\n" + new string('é', 499) + "\r\ny",
        "x\n" + new string('é', 500) + "\r\ny", new string('€', 332) + "a\n", new string('€', 333) + "\n", new string('x', 997) + "é",
        string.Concat(Enumerable.Repeat("🎉", 249)) + "ab\n", string.Concat(Enumerable.Repeat("🎉", 250)) + "\n", "Grüße\nFrom here\nbye",
        "Grüße\nFrom here", "é\nFrome\n", "nul\0é", ".é\n..é\n.\n", "é\r\n\r\n", new string('x', 2000) + "\né", "é\r",
        "From é\nx", "From é", "é\0" + new string('x', 40), new string('é', 40) + "\r" + new string('é', 40), new string('é', 40) + "\nFrom x\n",
    ];

    [Theory]
    [MemberData(nameof(EightBitTexts))]
    [MemberData(nameof(Texts))]
    public void TheEightBitChoice_IsMimeKitsChoiceForAn8BitMimeServer_ButNeverForABareCarriageReturn(string text)
    {
        Assert.Equal(MimeKitChoosesEightBit(text), TextTransferEncoding.IsEightBit(text, out _));
    }

    [Fact]
    public void TheEightBitChoice_AgreesWithMimeKit_OnRandomText()
    {
        var random = new Random(13);
        string[] pieces = ["a", " ", "\t", "\r", "\n", "\r\n", "From ", "é", "€", "🎉", "\0", new string('y', 300), new string('ü', 150), "."];
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => pieces[random.Next(pieces.Length)]));

            Assert.True(MimeKitChoosesEightBit(text) == TextTransferEncoding.IsEightBit(text, out _), $"'{text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}'");
        }
    }

    [Fact]
    public void TheEightBitChoice_AgreesWithMimeKit_OnLongRandomText()
    {
        // Long enough to cross the 16-character blocks and 333-character windows the line checks read at a time.
        var random = new Random(14);
        string[] pieces = ["a", "\r", "\n", "\r\n", "From ", "é", "€", "🎉", "\0", new string('y', 17), new string('ü', 100), new string('z', 320), "."];
        for (var i = 0; i < 1500; i++)
        {
            var text = (i % 2 == 0 ? "é" : "From é") + string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => pieces[random.Next(pieces.Length)]));

            var eightBit = TextTransferEncoding.IsEightBit(text, out var hasBareLineFeeds);

            var shown = $"'{text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}'";
            Assert.True(MimeKitChoosesEightBit(text) == eightBit, shown);
            Assert.True(!eightBit || hasBareLineFeeds == System.Text.RegularExpressions.Regex.IsMatch(text, "(?<!\r)\n"), shown);
        }
    }

    [Theory]
    [InlineData("Grüße\nvom Team", "Grüße\r\nvom Team")]
    [InlineData("Grüße\r\nvom Team\r\n", "Grüße\r\nvom Team\r\n")]
    [InlineData("a\n\nb\r\n\nc\n", "a\r\n\r\nb\r\n\r\nc\r\n")]
    [InlineData("\n.dot\r\n", "\r\n.dot\r\n")]
    [InlineData("", "")]
    public void AsIs_WritesTheBytesUnchanged_WithEveryLineBreakACrLf(string text, string expected)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        var endsWithLineBreak = TextTransferEncoding.WriteAsIs(Encoding.UTF8.GetBytes(text), output);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(text.EndsWith('\n'), endsWithLineBreak);
    }

    [Fact]
    public void AsIs_MakesEveryBareLineFeedACrLf_AndLeavesEverythingElse_OnRandomText()
    {
        var random = new Random(15);
        string[] pieces = ["a", "é", "\r", "\n", "\r\n", "\n\n", new string('x', 15), new string('x', 16), new string('x', 40)];
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var output = new System.Buffers.ArrayBufferWriter<byte>();

            TextTransferEncoding.WriteAsIs(Encoding.UTF8.GetBytes(text), output);

            var expected = System.Text.RegularExpressions.Regex.Replace(text, "(?<!\r)\n", "\r\n");
            Assert.True(expected == Encoding.UTF8.GetString(output.WrittenSpan), $"'{text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}'");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8190)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(16383)]
    public void Utf8_IsEncodingUtf8sBytes_WhereverABlockEndsInASurrogatePairOrALoneSurrogate(int position)
    {
        var pair = new string('a', position) + "🎉" + new string('ü', 9000) + "🎉";
        var loneHigh = new string('a', position) + "\uD83C" + new string('b', 9000) + "\uD83C";
        var loneLow = new string('a', position) + "\uDF89" + new string('c', 100);
        foreach (var text in new[] { pair, loneHigh, loneLow })
        {
            var output = new System.Buffers.ArrayBufferWriter<byte>();

            TextTransferEncoding.WriteUtf8(text, output);

            Assert.Equal(Encoding.UTF8.GetBytes(text), output.WrittenSpan.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void QuotedPrintable_DecodesToTheTextWithCrLfLineBreaks_InLinesOf76AtMost(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        TextTransferEncoding.WriteQuotedPrintable(utf8, output);

        var encoded = Encoding.ASCII.GetString(output.WrittenSpan);
        Assert.All(encoded.Split("\r\n"), line =>
        {
            Assert.True(line.Length <= 76, $"a line of {line.Length}");
            Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), "whitespace at the end of an encoded line");
        });
        Assert.All(encoded, c => Assert.True(c is >= ' ' and <= '~' or '\r' or '\n' or '\t'));
        Assert.Equal(Encoding.UTF8.GetBytes(WithCrLf(text)), Decode(output.WrittenSpan));
    }

    [Theory]
    [InlineData("a—b", "a=E2=80=94b")]
    [InlineData("x = y\n", "x =3D y\r\n")]
    [InlineData("trailing space \nand tab\t", "trailing space=20\r\nand tab=09")]
    [InlineData("two spaces  \r\n", "two spaces =20\r\n")]
    [InlineData("lone\rcr", "lone=0Dcr")]
    [InlineData(".leading dot stays", ".leading dot stays")]
    public void QuotedPrintable_EscapesOnlyWhatMustBe_AndStaysReadable(string text, string expected)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        TextTransferEncoding.WriteQuotedPrintable(Encoding.UTF8.GetBytes(text), output);

        Assert.Equal(expected, Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Fact]
    public void QuotedPrintable_BreaksALongLineSoftly_NeverInsideAnEscape()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        TextTransferEncoding.WriteQuotedPrintable(Encoding.UTF8.GetBytes(new string('a', 74) + "éé" + new string('b', 100)), output);

        var lines = Encoding.ASCII.GetString(output.WrittenSpan).Split("\r\n");
        Assert.Equal(new string('a', 74) + "=", lines[0]);
        Assert.StartsWith("=C3=A9=C3=A9bbb", lines[1], StringComparison.Ordinal);
        Assert.All(lines[..^1], line => Assert.EndsWith("=", line, StringComparison.Ordinal));
    }

    // What MimeKit chooses for a server without 8BITMIME, except that Mailing keeps text with a CR outside a CRLF
    // quoted-printable (SMTP smuggling: see TextTransferEncoding.IsSevenBit).
    private static bool MimeKitChoosesSevenBit(byte[] utf8)
    {
        var filter = new BestEncodingFilter();
        filter.Flush(utf8, 0, utf8.Length, out _, out _);
        var text = Encoding.UTF8.GetString(utf8);
        var bareCarriageReturn = text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal);
        return filter.GetBestEncoding(EncodingConstraint.SevenBit) == ContentEncoding.SevenBit && !bareCarriageReturn;
    }

    // What MailKit does for a server with 8BITMIME (MimeKit's best encoding under EightBit with 998-octet lines), except that
    // Mailing keeps text with a CR outside a CRLF quoted-printable.
    private static bool MimeKitChoosesEightBit(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var filter = new BestEncodingFilter();
        filter.Flush(utf8, 0, utf8.Length, out _, out _);
        var bareCarriageReturn = text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal);
        return filter.GetBestEncoding(EncodingConstraint.EightBit, 998) == ContentEncoding.EightBit && !bareCarriageReturn;
    }

    private static byte[] Decode(ReadOnlySpan<byte> quotedPrintable)
    {
        var decoder = new QuotedPrintableDecoder();
        var input = quotedPrintable.ToArray();
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        var length = decoder.Decode(input, 0, input.Length, output);
        return output.AsSpan(0, length).ToArray();
    }

    private static string WithCrLf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
