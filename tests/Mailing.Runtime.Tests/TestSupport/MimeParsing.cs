using System.Text;
using MimeKit;

namespace Mailing.Runtime.Tests.TestSupport;

/// <summary>Writes a MIME message to bytes the way it goes on the wire and parses it back, so tests assert on what a receiver sees.</summary>
internal static class MimeParsing
{
    public static (MimeMessage Parsed, string Raw) RoundTrip(EmailMessage message, TimeProvider? timeProvider = null)
    {
        using var built = MimeMessageFactory.Create(message, timeProvider);
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        built.WriteTo(options, stream);
        var raw = Encoding.UTF8.GetString(stream.ToArray());
        stream.Position = 0;
        return (MimeMessage.Load(stream), raw);
    }

    public static string RawHeaders(string raw) => raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
}
