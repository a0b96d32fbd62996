using System.Text;

namespace Mailing.Runtime.Tests.Messages;

/// <summary>The buffer a message is serialized into: dot-stuffed as it is written when it is SMTP DATA, whatever the writes' sizes.</summary>
public sealed class MessageBufferTests
{
    public static TheoryData<string> Texts() =>
    [
        ".starts with a dot\r\nmiddle\r\n.\r\n..two\r\nend .\r\n",
        "no dots at all\r\n",
        "dot.inside.lines\r\nand at the end.",
        ".",
        "\r\n.\r\n.\r\n.",
        "x\r\n" + string.Concat(Enumerable.Repeat(".line\r\n", 2000)),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void DotStuffing_ReadBackAsAServerReadsIt_GivesTheMessageExactly_HoweverTheWritesAreSplit(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        foreach (var split in new[] { 1, 2, 3, 7, 64, bytes.Length })
        {
            using var buffer = new MessageBuffer(16, dotStuffing: true);
            for (var i = 0; i < bytes.Length; i += split)
            {
                buffer.Write(bytes.AsSpan(i, Math.Min(split, bytes.Length - i)));
            }

            buffer.EndSmtpData();

            var data = Encoding.ASCII.GetString(buffer.WrittenMemory.Span);
            var expectedMessage = text.EndsWith("\r\n", StringComparison.Ordinal) ? text : text + "\r\n";
            Assert.EndsWith("\r\n.\r\n", data, StringComparison.Ordinal);
            Assert.Equal(expectedMessage, Unstuff(data));
            Assert.Equal(expectedMessage.Length, buffer.MessageLength);
        }
    }

    [Fact]
    public void BytesWrittenThroughGetSpanAndAdvance_AreStuffedToo()
    {
        using var buffer = new MessageBuffer(16, dotStuffing: true);
        var span = buffer.GetSpan(9);
        ".a\r\n.b\r\n."u8.CopyTo(span);
        buffer.Advance(9);
        buffer.Write("c\r\n"u8);

        Assert.Equal("..a\r\n..b\r\n..c\r\n", Encoding.ASCII.GetString(buffer.WrittenMemory.Span));
    }

    [Fact]
    public void AfterClear_TheMessageIsWrittenAfresh_FromALineStart_AndCanBeEndedAgain()
    {
        using var buffer = new MessageBuffer(16, dotStuffing: true);
        buffer.Write("first\r\n.x"u8);
        buffer.EndSmtpData();

        buffer.Clear();
        buffer.Write(".second\r\n"u8);
        buffer.EndSmtpData();

        Assert.Equal("..second\r\n.\r\n", Encoding.ASCII.GetString(buffer.WrittenMemory.Span));
        Assert.Equal(".second\r\n".Length, buffer.MessageLength);
    }

    [Fact]
    public void WithoutDotStuffing_TheBytesAreKeptAsWritten()
    {
        using var buffer = new MessageBuffer(16, dotStuffing: false);
        buffer.Write(".a\r\n.b"u8);

        Assert.Equal(".a\r\n.b", Encoding.ASCII.GetString(buffer.ToArray()));
        Assert.Throws<InvalidOperationException>(buffer.EndSmtpData);
    }

    // RFC 5321 §4.5.2: the receiver drops the first dot of a line that starts with one, and the data ends at a lone dot.
    private static string Unstuff(string data)
    {
        var message = new StringBuilder();
        foreach (var line in data.Split("\r\n"))
        {
            if (line == ".")
            {
                return message.ToString();
            }

            message.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        throw new InvalidOperationException("No end of data.");
    }
}
