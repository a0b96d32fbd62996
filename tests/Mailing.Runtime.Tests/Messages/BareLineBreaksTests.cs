using System.Text;

namespace Mailing.Runtime.Tests.Messages;

/// <summary>The vectorized search for line feeds that are not part of a CRLF, against a character-by-character reading.</summary>
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

    [Fact]
    public void TheSearch_AgreesWithAReadingOneByteAtATime_AcrossBlockBoundaries()
    {
        var random = new Random(16);
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => "aé\r\n"[random.Next(4)]).ToArray());
            var utf8 = Encoding.UTF8.GetBytes(text);

            Assert.Equal(FirstBareLineFeed(utf8), BareLineBreaks.IndexOfBareLineFeed(utf8));
        }
    }

    private static int FirstBareLineFeed(byte[] utf8) =>
        Enumerable.Range(0, utf8.Length).Where(i => utf8[i] == '\n' && (i == 0 || utf8[i - 1] != '\r')).DefaultIfEmpty(-1).First();
}
