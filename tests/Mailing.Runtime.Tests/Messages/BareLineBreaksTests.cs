using System.Text;

namespace Mailing.Runtime.Tests.Messages;

/// <summary>The vectorized search for line breaks that are not CRLF, against a character-by-character reading.</summary>
public sealed class BareLineBreaksTests
{
    [Theory]
    [InlineData("", -1)]
    [InlineData("\n", 0)]
    [InlineData("\r\n", -1)]
    [InlineData("abc\r\ndef\n", 8)]
    [InlineData("0123456789abcdef\n", 16)]
    [InlineData("0123456789abcde\r\n", -1)]
    [InlineData("0123456789abcdef0123456789abcde\r\nx\n", 34)]
    public void IndexOfBareLineFeed_FindsTheFirstLfWithoutACrBeforeIt(string text, int expected)
    {
        Assert.Equal(expected, BareLineBreaks.IndexOfBareLineFeed(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("\r", true)]
    [InlineData("\r\n", false)]
    [InlineData("abc\r\r\n", true)]
    [InlineData("0123456\r\n", false)]
    [InlineData("0123456\r", true)]
    [InlineData("01234567\rx", true)]
    [InlineData("0123456789abcdef0123456789abcdef\r\n", false)]
    public void ContainsBareCarriageReturn_SeesACrWithoutAnLfAfterIt(string text, bool expected)
    {
        Assert.Equal(expected, BareLineBreaks.ContainsBareCarriageReturn(text));
    }

    [Fact]
    public void BothSearches_AgreeWithAReadingOneCharacterAtATime_AcrossBlockBoundaries()
    {
        var random = new Random(16);
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => "aé\r\n"[random.Next(4)]).ToArray());
            var utf8 = Encoding.UTF8.GetBytes(text);

            Assert.Equal(FirstBareLineFeed(utf8), BareLineBreaks.IndexOfBareLineFeed(utf8));
            Assert.Equal(HasBareCarriageReturn(text), BareLineBreaks.ContainsBareCarriageReturn(text));
        }
    }

    private static int FirstBareLineFeed(byte[] utf8) =>
        Enumerable.Range(0, utf8.Length).Where(i => utf8[i] == '\n' && (i == 0 || utf8[i - 1] != '\r')).DefaultIfEmpty(-1).First();

    private static bool HasBareCarriageReturn(string text) =>
        Enumerable.Range(0, text.Length).Any(i => text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'));
}
