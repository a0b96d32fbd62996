using BenchmarkDotNet.Attributes;
using Mailing.Benchmarks.Rendering;
using Mailing.Transports.Local;
using MimeKit;

namespace Mailing.Benchmarks.Messages;

/// <summary>
/// Turning the already rendered receipt (subject, HTML, text) into the MIME bytes an SMTP server
/// receives, without a network: Mailing's path from <see cref="EmailMessage"/> (measured through the
/// public <see cref="InMemoryTransport"/>, which builds and serializes exactly what the SMTP transport
/// sends) against the same message built by hand with MimeKit's <see cref="BodyBuilder"/>.
/// </summary>
[MemoryDiagnoser]
public class MimeBuildingBenchmarks
{
    private static readonly FormatOptions WireFormat = CreateWireFormat();

    private readonly InMemoryTransport transport = new();
    private EmailMessage message = null!;

    [GlobalSetup]
    public async Task VerifyEveryPathWritesTheSameMessage()
    {
        message = ReceiptData.Message();

        await transport.SendAsync(message);
        var mailing = MimeMessage.Load(new MemoryStream(transport.Sent[0].MimeBytes.ToArray()));
        transport.Clear();
        foreach (var bytes in new[] { MimeKitBodyBuilder(), MimeKitBodyBuilderPrepared() })
        {
            var byHand = MimeMessage.Load(new MemoryStream(bytes));
            Require("From", mailing.From.ToString(), byHand.From.ToString());
            Require("To", mailing.To.ToString(), byHand.To.ToString());
            Require("Subject", mailing.Subject, byHand.Subject);
            Require("MIME structure", mailing.Body?.ContentType.MimeType, byHand.Body?.ContentType.MimeType);
            Require("HTML body", mailing.HtmlBody, byHand.HtmlBody);
            Require("text body", mailing.TextBody, byHand.TextBody);
        }
    }

    [Benchmark(Baseline = true, Description = "MimeKit by hand: BodyBuilder, WriteTo")]
    public byte[] MimeKitBodyBuilder() => BuildByHand(prepareFor7Bit: false);

    // MailKit's SmtpClient prepares every message before DATA, for 7 bits when the server lacks
    // 8BITMIME; Mailing picks the transfer encoding (7bit or quoted-printable) up front for every
    // message, so this row is the like-for-like one.
    [Benchmark(Description = "MimeKit by hand + Prepare(SevenBit)")]
    public byte[] MimeKitBodyBuilderPrepared() => BuildByHand(prepareFor7Bit: true);

    [Benchmark(Description = "Mailing: EmailMessage to MIME bytes (InMemoryTransport)")]
    public async Task MailingInMemoryTransport()
    {
        await transport.SendAsync(message);
        transport.Clear();
    }

    private byte[] BuildByHand(bool prepareFor7Bit)
    {
        using var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(message.From!.DisplayName, message.From.Address));
        mime.To.Add(new MailboxAddress(message.To[0].DisplayName, message.To[0].Address));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        if (prepareFor7Bit)
        {
            mime.Prepare(EncodingConstraint.SevenBit);
        }

        using var stream = new MemoryStream();
        mime.WriteTo(WireFormat, stream);
        return stream.ToArray();
    }

    // SMTP wants CRLF whatever the platform; Mailing writes CRLF too, so both write the same bytes per line.
    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }

    private static void Require(string part, string? actual, string? expected)
    {
        if (!string.Equals(Normalize(actual), Normalize(expected), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The {part} Mailing writes differs from the hand-built message, so the comparison would not be fair: '{actual}' vs '{expected}'.");
        }
    }

    private static string? Normalize(string? value) => value?.Replace("\r\n", "\n", StringComparison.Ordinal);
}
