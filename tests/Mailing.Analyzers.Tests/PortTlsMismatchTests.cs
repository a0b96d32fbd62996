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

    [Fact]
    public Task FluentEmailPortAndMode_AreReadTogether_WithSocketOptionsWinningOverUseSsl()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                SmtpClientOptions A() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, SocketOptions = {|MAIL0203:SecureSocketOptions.StartTls|} };
                SmtpClientOptions B() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, SocketOptions = {|MAIL0203:SecureSocketOptions.SslOnConnect|} };
                SmtpClientOptions C() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, UseSsl = {|MAIL0203:true|} };
                SmtpClientOptions D() => new SmtpClientOptions { Server = "smtp.example.com", Port = 2525, UseSsl = {|MAIL0203:true|} };
                SmtpClientOptions E() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, UseSsl = {|MAIL0203:false|} };
                SmtpClientOptions SocketOptionsWin() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, UseSsl = true, SocketOptions = SecureSocketOptions.StartTls };
            }
            """);

    [Fact]
    public Task FluentEmailOn465WithoutUseSsl_IsAMismatchAtTheCreation_WhenTheWholeObjectIsInView()
        => Verify.CSharpAsync("""
            using FluentEmail.Core;
            using FluentEmail.MailKitSmtp;
            class Startup
            {
                void Configure()
                {
                    var options = {|#0:new SmtpClientOptions|} { Server = "smtp.example.com", Port = 465 };
                    Email.DefaultSender = new MailKitSender(options);
                }
            }
            """,
            Verify.Diagnostic("MAIL0203").WithLocation(0)
                .WithMessage("FluentEmail's SmtpClientOptions without UseSsl or SocketOptions (so FluentEmail connects with MailKit's useSsl: false) uses port 465 with STARTTLS: the server expects a TLS handshake first, so the connection hangs until it times out; use implicit TLS"));

    [Fact]
    public Task FluentEmailSmtpOnPort465_IsAMismatch_BecauseSystemNetMailHasNoImplicitTls()
        => Verify.CSharpAsync("""
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void WithCredentials(IServiceCollection services, string user, string password)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", {|#0:465|}, user, password);

                void HostAndPort(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").{|MAIL0202:AddSmtpSender|}("smtp.example.com", {|MAIL0203:465|});
            }
            """,
            Verify.Diagnostic("MAIL0203").WithLocation(0)
                .WithMessage("FluentEmail's AddSmtpSender(host, port, username, password) uses port 465 with STARTTLS, the only mode it supports: the server expects a TLS handshake first, so the connection hangs until it times out; use port 587 with EnableSsl = true"));
}
