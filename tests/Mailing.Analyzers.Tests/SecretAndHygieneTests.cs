using Mailing.Analyzers.Tests.Infrastructure;

namespace Mailing.Analyzers.Tests;

public sealed class SecretAndHygieneTests
{
    [Fact]
    public Task LiteralPasswords_AreReportedAtTheLiteral()
        => Verify.CSharpAsync("""
            using System.Net;
            using MailKit.Net.Smtp;
            using Mailing.Transports.Smtp;
            class Sender
            {
                void Send(SmtpClient client)
                {
                    client.Authenticate("mailer", {|MAIL0301:"hunter2"|});
                    client.Authenticate(new NetworkCredential("mailer", {|MAIL0301:"hunter2"|}));
                    var smtp = {|MAIL0303:new System.Net.Mail.SmtpClient()|} { Credentials = new NetworkCredential("mailer", {|MAIL0301:"hunter2"|}) };
                    var options = new SmtpOptions { Username = "mailer", Password = {|MAIL0301:"hunter2"|} };
                    var dsn = Mailing.TransportDsn.Parse("smtp://mailer:{|MAIL0301:hunter2|}@smtp.example.com:587");
                }
            }
            """);

    [Fact]
    public Task PasswordsFromConfigurationEmptyOrPlaceholders_AreSilent()
        => Verify.CSharpAsync("""
            using System.Net;
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;
            class Sender
            {
                void Send(SmtpClient client, IConfiguration configuration)
                {
                    client.Authenticate("mailer", configuration["Smtp:Password"]);
                    client.Authenticate("mailer", "");
                    client.Authenticate("mailer", "<your-password>");
                    var proxy = new WebProxy { Credentials = new NetworkCredential("proxy", "not-mail-related") };
                }
            }
            """);

    [Fact]
    public Task GmailHost_IsInfoAtTheHost()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client)
                {
                    client.Connect({|MAIL0302:"smtp.gmail.com"|}, 587, SecureSocketOptions.StartTls);
                    var dsn = Mailing.TransportDsn.Parse("smtps://{|MAIL0302:smtp.gmail.com|}:465");
                }
            }
            """);

    [Fact]
    public Task SystemNetMailSmtpClientCreation_IsInfo_ButOtherTypesNamedSmtpClientAreNot()
        => Verify.CSharpAsync("""
            class Sender
            {
                void Send()
                {
                    var a = {|MAIL0303:new System.Net.Mail.SmtpClient("smtp.example.com", 587)|} { EnableSsl = true };
                    System.Net.Mail.SmtpClient b = {|MAIL0303:new("smtp.example.com", 587)|} { EnableSsl = true };
                    var c = new MailKit.Net.Smtp.SmtpClient();
                }
            }
            """);

    [Fact]
    public Task FluentEmailLiteralPassword_IsReported_ButConfigurationAndPlaceholdersAreNot()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;
            class Startup
            {
                void Configure(IConfiguration configuration)
                {
                    var gmail = new SmtpClientOptions { Server = {|MAIL0302:"smtp.gmail.com"|}, Port = 587, SocketOptions = SecureSocketOptions.StartTls, User = "me@gmail.com", Password = {|MAIL0301:"abcd efgh ijkl mnop"|} };
                    var later = new SmtpClientOptions();
                    later.Password = {|MAIL0301:"hunter2"|};
                    var configured = new SmtpClientOptions { User = "mailer", Password = configuration["Smtp:Password"] };
                    var placeholder = new SmtpClientOptions { User = "mailer", Password = "<set in user secrets>" };
                    var empty = new SmtpClientOptions { Password = "" };
                }
            }
            """);

    [Fact]
    public Task FluentEmailSmtpLiteralPassword_IsReportedAtThePassword_AndGmailAtTheHost()
        => Verify.CSharpAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                const string Password = "s3cr3t!";

                void Configure(IServiceCollection services, IConfiguration configuration)
                {
                    services.AddFluentEmail("me@gmail.com").AddSmtpSender({|MAIL0302:"smtp.gmail.com"|}, 587, "me@gmail.com", {|MAIL0301:"abcd efgh ijkl mnop"|});
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", 587, "mailer", {|MAIL0301:Password|});
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", 587, "mailer", configuration["Smtp:Password"]);
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", 587, "mailer", "<from user secrets>");
                    services.AddFluentEmail("me@gmail.com").{|MAIL0202:AddSmtpSender|}({|MAIL0302:"smtp.gmail.com"|}, 587);
                }
            }
            """);
}
