using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailing.Benchmarks.Rendering;
using Mailing.DevInbox;
using Mailing.Transports.Smtp;
using MimeKit;

namespace Mailing.Benchmarks.Sending;

/// <summary>
/// Sending the rendered receipt to a loopback SMTP inbox that requires STARTTLS and AUTH, as a
/// submission server on port 587 does: through Mailing's pooled <see cref="SmtpTransport"/>, and
/// through what a user writes with MailKit alone, a fresh <see cref="SmtpClient"/> per message.
/// </summary>
/// <remarks>
/// The inbox runs in the benchmark's process and parses every message, so both columns include the
/// server's share of the work on the same two cores; the ratio is the interesting number.
/// </remarks>
[MemoryDiagnoser]
public class SmtpSendBenchmarks
{
    private const string Username = "bench";

    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private X509Certificate2 certificate = null!;
    private LocalSmtpInbox inbox = null!;
    private SmtpTransport transport = null!;
    private SmtpClient heldClient = null!;
    private EmailMessage message = null!;

    [GlobalSetup]
    public async Task StartInboxAndVerifyBothPathsDeliver()
    {
        certificate = DevCertificate.CreateLocalhost();
        inbox = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Tls = InboxTlsMode.StartTls,
            Certificate = certificate,
            Username = Username,
            Password = password,
        });

        var options = new SmtpOptions
        {
            Host = "localhost",
            Port = inbox.Port,
            Security = SmtpSecurity.StartTls,
            Username = Username,
            Password = password,
        };
        options.TrustedCertificates.Add(DevCertificate.PublicPart(certificate));
        transport = new SmtpTransport(options);

        message = ReceiptData.Message();

        heldClient = new SmtpClient { ServerCertificateValidationCallback = IsTheInboxCertificate };
        await heldClient.ConnectAsync("localhost", inbox.Port, SecureSocketOptions.StartTls);
        await heldClient.AuthenticateAsync(Username, password);

        await MailKitClientPerMessage();
        await MailKitClientHeldOpen();
        await MailingPooledSmtpTransport();
        await MailingPooledSmtpTransport();
        if (transport.OpenedConnections != 1)
        {
            throw new InvalidOperationException($"SmtpTransport opened {transport.OpenedConnections} connections for two sends in sequence; the pool should reuse one.");
        }
    }

    [GlobalCleanup]
    public async Task StopInbox()
    {
        await heldClient.DisconnectAsync(quit: true);
        heldClient.Dispose();
        await transport.DisposeAsync();
        await inbox.DisposeAsync();
        certificate.Dispose();
    }

    [Benchmark(Baseline = true, Description = "MailKit: connect, STARTTLS, AUTH, send, QUIT per message")]
    public async Task MailKitClientPerMessage()
    {
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = IsTheInboxCertificate;
        await client.ConnectAsync("localhost", inbox.Port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(Username, password);
        await client.SendAsync(ToMimeMessage(message));
        await client.DisconnectAsync(quit: true);
        RequireDelivery();
    }

    // The hand-rolled reuse: no pool, no reconnect after a drop, one message at a time.
    [Benchmark(Description = "MailKit: one SmtpClient held open, send only")]
    public async Task MailKitClientHeldOpen()
    {
        await heldClient.SendAsync(ToMimeMessage(message));
        RequireDelivery();
    }

    [Benchmark(Description = "Mailing SmtpTransport (pooled connection)")]
    public async Task MailingPooledSmtpTransport()
    {
        await transport.SendAsync(message);
        RequireDelivery();
    }

    // What a MailKit user writes to trust one self-signed certificate without turning validation off.
    private bool IsTheInboxCertificate(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors) =>
        presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();

    private static MimeMessage ToMimeMessage(EmailMessage email)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(email.From!.DisplayName, email.From.Address));
        foreach (var to in email.To)
        {
            mime.To.Add(new MailboxAddress(to.DisplayName, to.Address));
        }

        mime.Subject = email.Subject;
        mime.Body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody }.ToMessageBody();
        return mime;
    }

    // Both paths must have done the whole dialogue; the inbox keeps every message, so emptying it
    // keeps memory flat over thousands of sends.
    private void RequireDelivery()
    {
        var received = inbox.Messages;
        if (received.Count != 1)
        {
            throw new InvalidOperationException($"The inbox holds {received.Count} messages after one send; expected exactly one.");
        }

        if (!received[0].WasSecure || received[0].AuthenticatedUser != Username)
        {
            throw new InvalidOperationException("The message arrived without TLS or without AUTH; both paths must do the full submission dialogue.");
        }

        inbox.Clear();
    }
}
