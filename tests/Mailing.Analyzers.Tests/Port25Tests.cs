using Mailing.Analyzers.Tests.Infrastructure;

namespace Mailing.Analyzers.Tests;

public sealed class Port25Tests
{
    [Fact]
    public Task MailKitConnectOnPort25_IsReportedAtThePort()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", {|MAIL0201:25|}, SecureSocketOptions.StartTls);
            }
            """);

    [Fact]
    public Task ConstFieldAndSingleAssignedLocal_AreTreatedAsTheirConstant()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                const int RelayPort = 25;
                void ViaConst(SmtpClient client) => client.Connect("smtp.example.com", {|MAIL0201:RelayPort|}, SecureSocketOptions.StartTls);
                void ViaLocal(SmtpClient client)
                {
                    var port = 25;
                    client.Connect("smtp.example.com", {|MAIL0201:port|}, SecureSocketOptions.StartTls);
                }
            }
            """);

    [Fact]
    public Task LocalAssignedTwice_IsNotAConstant()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client, bool submission)
                {
                    var port = 25;
                    if (submission) port = 587;
                    client.Connect("smtp.example.com", port, SecureSocketOptions.StartTls);
                }
            }
            """);

    [Fact]
    public Task PortFromConfiguration_IsSilent()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;
            class Sender
            {
                void Send(SmtpClient client, IConfiguration configuration)
                    => client.Connect(configuration["Smtp:Host"], int.Parse(configuration["Smtp:Port"]), SecureSocketOptions.StartTls);
            }
            """);

    [Fact]
    public Task LoopbackHostOnPort25_IsSilent()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("localhost", 25, SecureSocketOptions.None);
            }
            """);

    [Fact]
    public Task SystemNetMailConstructorAndPortProperty_AreReported()
        => Verify.CSharpAsync("""
            using System.Net.Mail;
            class Sender
            {
                void Send()
                {
                    var a = {|MAIL0303:new SmtpClient("smtp.example.com", {|MAIL0201:25|})|} { EnableSsl = true };
                    var b = {|MAIL0303:new SmtpClient("smtp.example.com")|};
                    b.Port = {|MAIL0201:25|};
                    b.EnableSsl = true;
                }
            }
            """);

    [Fact]
    public Task MailingOptionsInFluentLambda_AreReported_UnlessPort25IsAllowed()
        => Verify.CSharpAsync("""
            using Mailing;
            using Mailing.Transports.Smtp;
            class Startup
            {
                void Configure(MailingBuilder builder)
                {
                    builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Port = {|MAIL0201:25|}; });
                    builder.UseSmtp(o => { o.Host = "relay.internal"; o.Port = 25; o.AllowPort25 = true; });
                    var options = new SmtpOptions { Host = "smtp.example.com", Port = {|MAIL0201:25|}, Security = SmtpSecurity.StartTls };
                }
            }
            """);

    [Fact]
    public Task DsnString_IsReportedAtThePortDigits()
        => Verify.CSharpAsync("""
            class Startup
            {
                object Transport() => Mailing.TransportDsn.Parse("smtp://mailer@smtp.example.com:{|MAIL0201:25|}");
            }
            """);

    [Fact]
    public Task LookAlikeTypeInAnotherNamespace_IsSilent()
        => Verify.CSharpAsync("""
            namespace Acme.Mail
            {
                enum SecureSocketOptions { None }
                class SmtpClient { public int Port { get; set; } public void Connect(string host, int port, SecureSocketOptions options) { } }
                class Sender
                {
                    void Send()
                    {
                        var client = new SmtpClient { Port = 25 };
                        client.Connect("smtp.example.com", 25, SecureSocketOptions.None);
                    }
                }
            }
            """);

    [Fact]
    public Task ImapConnectOnAnyPort_IsNotSmtp()
        => Verify.CSharpAsync("""
            using MailKit.Net.Imap;
            class Reader
            {
                void Read(ImapClient client) => client.Connect("imap.example.com", 143, false);
            }
            """);

    [Fact]
    public Task TopLevelStatements_SingleAssignedLocalsCount_ReassignedOnesDoNot()
        => Verify.ProgramAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            var host = "smtp.example.com";
            var port = 25;
            var fallbackPort = 25;
            using var client = new SmtpClient();
            client.Connect(host, {|MAIL0201:port|}, SecureSocketOptions.StartTls);
            if (args.Length > 0) fallbackPort = int.Parse(args[0]);
            client.Connect(host, fallbackPort, SecureSocketOptions.StartTls);
            """);
}
