using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mailing.DevInbox;
using Mailing.Transports.Smtp;
using MimeKit;

namespace Mailing.Sample;

/// <summary>
/// A local SMTP inbox on loopback that speaks STARTTLS and requires AUTH, as a production
/// submission server on port 587 would, so the sample exercises the same dialogue.
/// </summary>
internal sealed class SampleInbox : IAsyncDisposable
{
    private const string Username = "sample";

    private readonly X509Certificate2 _certificate;
    private readonly string _password;

    private SampleInbox(LocalSmtpInbox inbox, X509Certificate2 certificate, string password)
    {
        Inbox = inbox;
        _certificate = certificate;
        _password = password;
    }

    public LocalSmtpInbox Inbox { get; }

    public static async Task<SampleInbox> StartAsync()
    {
        var certificate = DevCertificate.CreateLocalhost();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var inbox = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Tls = InboxTlsMode.StartTls,
            Certificate = certificate,
            Username = Username,
            Password = password,
        });
        return new SampleInbox(inbox, certificate, password);
    }

    /// <summary>Points Mailing's SMTP transport at the inbox: STARTTLS required, the inbox's certificate trusted explicitly.</summary>
    public void ConfigureClient(SmtpOptions options)
    {
        options.Host = "localhost";
        options.Port = Inbox.Port;
        options.Security = SmtpSecurity.StartTls;
        options.Username = Username;
        options.Password = _password;
        options.TrustedCertificates.Add(DevCertificate.PublicPart(_certificate));
    }

    public static void Print(ReceivedEmail email, TextWriter output)
    {
        var message = email.Message;
        output.WriteLine();
        output.WriteLine($"  Subject: {message.Subject}");
        output.WriteLine($"  From:    {message.From}    To: {message.To}");
        output.WriteLine($"  Session: {(email.WasSecure ? "TLS" : "plaintext")}, authenticated as {email.AuthenticatedUser ?? "nobody"}, envelope {email.MailFrom} -> {string.Join(", ", email.RcptTo)}");
        output.WriteLine($"  MIME:    {Describe(message.Body)}");
        output.WriteLine("  Text part:");
        foreach (var line in (message.TextBody ?? "").TrimEnd().Split('\n'))
        {
            output.WriteLine($"    | {line.TrimEnd('\r')}");
        }

        var html = message.HtmlBody ?? "";
        output.WriteLine($"  HTML part: {html.Length} characters, {CountInlineStyles(html)} inline style attributes");
    }

    private static string Describe(MimeEntity? entity) => entity switch
    {
        Multipart multipart => $"{multipart.ContentType.MimeType}({string.Join(", ", multipart.Select(Describe))})",
        null => "(none)",
        _ => entity.ContentType.MimeType,
    };

    private static int CountInlineStyles(string html)
    {
        var count = 0;
        for (var index = html.IndexOf("style=\"", StringComparison.Ordinal); index >= 0; index = html.IndexOf("style=\"", index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await Inbox.DisposeAsync();
        _certificate.Dispose();
    }
}
