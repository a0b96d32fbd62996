using Mailing.Analyzers.Tests.Infrastructure;

namespace Mailing.Analyzers.Tests;

public sealed class PortTlsMismatchTests
{
    [Fact]
    public Task Port465WithStartTls_IsReportedAtTheMode()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", 465, {|MAIL0203:SecureSocketOptions.StartTls|});
            }
            """);

    [Fact]
    public Task Port587WithImplicitTls_IsReported_IncludingUseSslTrue()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client)
                {
                    client.Connect("smtp.example.com", 587, {|MAIL0203:SecureSocketOptions.SslOnConnect|});
                    client.Connect("smtp.example.com", 2525, {|MAIL0203:true|});
                }
            }
            """);

    [Fact]
    public Task UseSslFalseOn465_IsAMismatch_BecauseItMeansStartTlsWhenAvailable()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", 465, {|MAIL0203:false|});
            }
            """);

    [Fact]
    public Task SystemNetMailOnPort465_IsAMismatch_BecauseItHasNoImplicitTls()
        => Verify.CSharpAsync("""
            using System.Net.Mail;
            class Sender
            {
                void Send()
                {
                    var client = {|MAIL0303:new SmtpClient("smtp.example.com")|} { Port = {|MAIL0203:465|}, EnableSsl = true };
                }
            }
            """);

    [Fact]
    public Task MailingOptions_SiblingPortDecides()
        => Verify.CSharpAsync("""
            using Mailing;
            using Mailing.Transports.Smtp;
            class Startup
            {
                void Configure(MailingBuilder builder)
                {
                    builder.UseSmtp(o => { o.Port = 465; o.Security = {|MAIL0203:SmtpSecurity.StartTls|}; });
                    builder.UseSmtp(o => { o.Port = 587; o.Security = {|MAIL0203:SmtpSecurity.ImplicitTls|}; });
                    builder.UseSmtp(o => { o.Port = 587; o.Security = SmtpSecurity.StartTls; });
                    builder.UseSmtp(o => { o.Port = 465; o.Security = SmtpSecurity.ImplicitTls; });
                }
            }
            """);

    [Fact]
    public Task SmtpsDsnOnPort587_IsReportedAtTheScheme()
        => Verify.CSharpAsync("""
            class Startup
            {
                const string Dsn = "{|MAIL0203:smtps|}://smtp.example.com:587";
                const string Fine = "smtps://smtp.example.com:465";
                const string AlsoFine = "smtp://smtp.example.com:587";
            }
            """);
}
