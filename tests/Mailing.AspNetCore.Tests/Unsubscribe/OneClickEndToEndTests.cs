using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Mailing.AspNetCore.Tests.Unsubscribe.Fixtures;
using Mailing.DevInbox;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailing.AspNetCore.Tests.Unsubscribe;

/// <summary>
/// The whole round trip: a bulk template sent over a real SMTP server, its List-Unsubscribe link taken from the bytes
/// that arrived, and POSTed as Gmail does (RFC 8058: <c>List-Unsubscribe=One-Click</c>, no cookies) to the app's
/// endpoint on Kestrel, which unsubscribes the recipient from the list.
/// </summary>
public sealed partial class OneClickEndToEndTests
{
    private const string SmtpUser = "shop";
    private const string SmtpPassword = "s3cret-Pa55word";

    [Fact]
    public async Task BulkEmailsHeaderLink_PostedAsGmailDoes_UnsubscribesTheRecipient()
    {
        using var certificate = DevCertificate.CreateLocalhost();
        using var rsa = RSA.Create(2048);
        byte[]? wire = null;
        await using var inbox = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Tls = InboxTlsMode.StartTls,
            Certificate = certificate,
            Username = SmtpUser,
            Password = SmtpPassword,
            Received = (_, bytes, _) =>
            {
                wire = bytes.ToArray();
                return Task.CompletedTask;
            },
        });
        await using var app = await UnsubscribeApp.StartAsync(configure: (_, mailing) => mailing
            .UseSmtp(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = inbox.Port;
                o.Security = SmtpSecurity.StartTls;
                o.Username = SmtpUser;
                o.Password = SmtpPassword;
                o.TrustedCertificates.Add(DevCertificate.PublicPart(certificate));
            })
            .UseDkim(o => o.Keys.Add(new DkimKeyOptions { Domain = "shop.example", Selector = "s1", PrivateKey = rsa.ExportPkcs8PrivateKeyPem() })));
        var mailer = app.Services.GetRequiredService<IMailer>();

        await mailer.SendAsync(new NewsletterEmail { Title = "May news", UnsubscribeUrl = app.Links.Create("ann@example.net", "newsletter") }, "ann@example.net");

        Assert.NotNull(wire);
        var received = MimeMessage.Load(new MemoryStream(wire));
        var link = new Uri(HeaderLink().Match(received.Headers["List-Unsubscribe"] ?? "").Groups["url"].Value);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("bulk", received.Headers["Precedence"]);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\"", received.HtmlBody, StringComparison.Ordinal);

        // RFC 8058 §4: the one-click headers only count when a DKIM signature covers them.
        var signature = received.Headers[HeaderId.DkimSignature] ?? "";
        Assert.Contains("list-unsubscribe:list-unsubscribe-post", Regex.Replace(signature, @"\s", ""), StringComparison.Ordinal);
        var publicKey = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        Assert.True(await new DkimVerifier(new OneRecord(publicKey)).VerifyAsync(received, received.Headers.First(h => h.Id == HeaderId.DkimSignature)));

        using var gmail = new HttpRequestMessage(HttpMethod.Post, link)
        {
            Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]),
        };
        using var response = await app.Client.SendAsync(gmail);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unsubscribed = Assert.Single(app.Handled);
        Assert.Equal("ann@example.net", unsubscribed.Recipient.Address);
        Assert.Equal("newsletter", unsubscribed.List);
        Assert.Equal(UnsubscribeMethod.OneClick, unsubscribed.Method);

        // The unsubscribe is in the suppression list: the next newsletter is withheld, a receipt still goes.
        wire = null;
        var next = await mailer.SendAsync(new NewsletterEmail { Title = "June news", UnsubscribeUrl = app.Links.Create("ann@example.net", "newsletter") }, "ann@example.net");
        Assert.False(next.WasSent);
        Assert.Equal(SuppressionReason.Unsubscribed, Assert.Single(next.RejectedRecipients).Suppression?.Reason);
        Assert.Null(wire);
        var receipt = await mailer.SendAsync(new EmailMessage { To = ["ann@example.net"], Subject = "Your receipt", TextBody = "Thanks." });
        Assert.True(receipt.WasSent);
        Assert.NotNull(wire);
    }

    [GeneratedRegex("^<(?<url>https://[^>]+)>$")]
    private static partial Regex HeaderLink();

    private sealed class OneRecord(string record) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            domain == "shop.example" && selector == "s1" ? GetPublicKey(record) : throw new InvalidOperationException($"No record for {selector}._domainkey.{domain}.");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
