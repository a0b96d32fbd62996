using System.Text;
using MimeKit;

namespace Mailing.Runtime.Tests.Messages;

/// <summary>The pre-encoded text part writes exactly the bytes MimeKit writes for the same text and transfer encoding.</summary>
public sealed class TransferEncodedTextPartTests
{
    public static TheoryData<string> Texts() =>
    [
        "plain ascii\r\nline two", "Grüße — thanks\nsecond line\n", new string('x', 120) + "\r\nFrom here", "tail =3D\r\n.\r\n. dot\r\n",
        "", "lone\rcr\n\nend\n\n", "no newline at all é", "\nstarts with a line feed",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task EveryWay_OfWritingIt_GivesMimeKitsOwnBytes(string text)
    {
        foreach (var isBody in new[] { false, true })
        {
            foreach (var newLine in new[] { NewLineFormat.Dos, NewLineFormat.Unix })
            {
                foreach (var ensureNewLine in new[] { false, true })
                {
                    var options = FormatOptions.Default.Clone();
                    options.NewLineFormat = newLine;
                    options.EnsureNewLine = ensureNewLine;
                    var ours = TransferEncodedTextPart.Create("plain", text);
                    ours.IsMessageBody = isBody;
                    var mimeKits = new TextPart("plain");
                    mimeKits.SetText(Encoding.UTF8, text);
                    mimeKits.ContentTransferEncoding = ours.ContentTransferEncoding;

                    var expected = await WriteAsync(mimeKits, options, isBody);
                    Assert.Equal(expected, await WriteAsync(ours, options, isBody));
                    Assert.Equal(text.ReplaceLineEndings("\n"), ours.Text.ReplaceLineEndings("\n"));
                }
            }
        }
    }

    private static async Task<string> WriteAsync(TextPart part, FormatOptions options, bool asBody)
    {
        using var sync = new MemoryStream();
        using var async = new MemoryStream();
        if (asBody)
        {
            var message = new MimeMessage { Body = part, MessageId = "x@y", Date = DateTimeOffset.UnixEpoch };
            message.WriteTo(options, sync);
            await message.WriteToAsync(options, async);
        }
        else
        {
            part.WriteTo(options, sync);
            await part.WriteToAsync(options, async);
        }

        Assert.Equal(sync.ToArray(), async.ToArray());
        return Encoding.UTF8.GetString(sync.ToArray());
    }
}
