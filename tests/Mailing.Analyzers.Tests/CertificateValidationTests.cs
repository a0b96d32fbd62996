using Mailing.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Tests;

public sealed class CertificateValidationTests
{
    [Fact]
    public Task AlwaysTrueCallbacks_AreReported_InEveryForm()
        => Verify.CSharpAsync("""
            using System.Net;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;
            class Sender
            {
                static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;

                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = {|MAIL0204:(s, c, h, e) => true|};
                    client.ServerCertificateValidationCallback = {|MAIL0204:delegate { return true; }|};
                    client.ServerCertificateValidationCallback = {|MAIL0204:AcceptAll|};
                    ServicePointManager.ServerCertificateValidationCallback += {|MAIL0204:(sender, certificate, chain, errors) => { return true; }|};
                    var other = new SmtpClient { ServerCertificateValidationCallback = {|MAIL0204:(s, c, h, e) => true|} };
                }
            }
            """);

    [Fact]
    public Task CallbackThatInspectsTheCertificate_IsSilent()
        => Verify.CSharpAsync("""
            using System.Net.Security;
            using MailKit.Net.Smtp;
            class Sender
            {
                void Configure(SmtpClient client, string thumbprint)
                {
                    client.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None || c?.GetCertHashString() == thumbprint;
                }
            }
            """);

    [Fact]
    public Task RevocationCheckOff_IsInfo()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            class Sender
            {
                void Configure(SmtpClient client)
                {
                    client.CheckCertificateRevocation = {|#0:false|};
                    client.CheckCertificateRevocation = true;
                }
            }
            """,
            Verify.Diagnostic("MAIL0204", DiagnosticSeverity.Info).WithLocation(0));
}
