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

    private const string FluentEmailDefaultPortMessage = "FluentEmail's SmtpClientOptions without a Port (FluentEmail's default is 25) uses port 25, which is for relay between mail servers and is blocked outbound by most cloud providers; submit on port 587 with STARTTLS";

    [Fact]
    public Task FluentEmailPort25_IsReportedAtThePort_LiteralConstOrSingleAssignedLocal()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                const int RelayPort = 25;
                SmtpClientOptions Literal() => new SmtpClientOptions { Server = "smtp.example.com", Port = {|MAIL0201:25|}, SocketOptions = SecureSocketOptions.StartTls };
                SmtpClientOptions Const() => new SmtpClientOptions { Server = "smtp.example.com", Port = {|MAIL0201:RelayPort|}, SocketOptions = SecureSocketOptions.StartTls };
                SmtpClientOptions Assigned()
                {
                    var port = 25;
                    var options = new SmtpClientOptions { SocketOptions = SecureSocketOptions.StartTls };
                    options.Server = "smtp.example.com";
                    options.Port = {|MAIL0201:port|};
                    return options;
                }
            }
            """);

    [Fact]
    public Task FluentEmailWithoutAPort_IsReportedAtTheCreation_WhenTheOptionsGoStraightToFluentEmail()
        => Verify.CSharpAsync("""
            using FluentEmail.Core;
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Inline(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender({|#0:new SmtpClientOptions|} { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls });

                void ThroughALocal(IServiceCollection services)
                {
                    var options = {|#1:new SmtpClientOptions()|};
                    options.Server = "smtp.example.com";
                    options.SocketOptions = SecureSocketOptions.StartTls;
                    services.AddFluentEmail("noreply@example.com").AddMailKitSender(options);
                }

                void DefaultSender()
                    => Email.DefaultSender = new MailKitSender({|#2:new SmtpClientOptions|} { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls });
            }
            """,
            Verify.Diagnostic("MAIL0201").WithLocation(0).WithMessage(FluentEmailDefaultPortMessage),
            Verify.Diagnostic("MAIL0201").WithLocation(1).WithMessage(FluentEmailDefaultPortMessage),
            Verify.Diagnostic("MAIL0201").WithLocation(2).WithMessage(FluentEmailDefaultPortMessage));

    [Fact]
    public Task FluentEmailWithoutAPort_IsSilent_WhenThePortMayBeSetOutOfView()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                private readonly SmtpClientOptions _stored = new SmtpClientOptions { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls };

                SmtpClientOptions Returned() => new SmtpClientOptions { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls };

                void PortSetLater(IServiceCollection services)
                {
                    var options = new SmtpClientOptions { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls };
                    options.Port = 587;
                    services.AddFluentEmail("noreply@example.com").AddMailKitSender(options);
                }

                void GivenToAHelperFirst(IServiceCollection services)
                {
                    var options = new SmtpClientOptions { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls };
                    ApplyCompanyDefaults(options);
                    services.AddFluentEmail("noreply@example.com").AddMailKitSender(options);
                }

                void Reassigned(IServiceCollection services, SmtpClientOptions configured)
                {
                    var options = new SmtpClientOptions { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls };
                    if (configured is not null) options = configured;
                    services.AddFluentEmail("noreply@example.com").AddMailKitSender(options);
                }

                void ServerFromConfiguration(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender(new SmtpClientOptions { Server = configuration["Smtp:Server"], SocketOptions = SecureSocketOptions.StartTls });

                void LocalDevInbox(IServiceCollection services)
                    => services.AddFluentEmail("dev@localhost").AddMailKitSender(new SmtpClientOptions { Server = "localhost" });

                void PickupDirectory(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender(new SmtpClientOptions { Server = "smtp.example.com", UsePickupDirectory = true, MailPickupDirectory = "/tmp/mail" });

                static void ApplyCompanyDefaults(SmtpClientOptions options) => options.Port = 587;
            }
            """);

    [Fact]
    public Task FluentEmailPortFromConfiguration_AndLoopbackOnPort25WithoutTls_AreSilent()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using Microsoft.Extensions.Configuration;
            class Startup
            {
                SmtpClientOptions Configured(IConfiguration configuration)
                    => new SmtpClientOptions { Server = configuration["Smtp:Server"], Port = int.Parse(configuration["Smtp:Port"]), UseSsl = bool.Parse(configuration["Smtp:UseSsl"]) };

                SmtpClientOptions Smtp4Dev() => new SmtpClientOptions { Server = "localhost", Port = 25, UseSsl = false };
                SmtpClientOptions MailHog() => new SmtpClientOptions { Server = "127.0.0.1", Port = 25 };
            }
            """);

    [Fact]
    public Task FluentEmailLookAlikeInAnotherNamespace_IsSilent()
        => Verify.CSharpAsync("""
            namespace Acme.Mail
            {
                class SmtpClientOptions { public string Server { get; set; } public int Port { get; set; } public string Password { get; set; } public bool UseSsl { get; set; } }
                class MailKitSender { public MailKitSender(SmtpClientOptions options) { } }
                class Startup
                {
                    MailKitSender Create() => new MailKitSender(new SmtpClientOptions { Server = "smtp.example.com", Port = 25, Password = "hunter2", UseSsl = false });
                    MailKitSender Defaults() => new MailKitSender(new SmtpClientOptions { Server = "smtp.example.com" });
                }
            }
            """);

    [Fact]
    public Task FluentEmailInTopLevelStatements_ALaterPortAnywhereInTheProgramCounts()
        => Verify.ProgramAsync("""
            using FluentEmail.MailKitSmtp;
            using Microsoft.Extensions.DependencyInjection;

            IServiceCollection services = null;
            var production = new SmtpClientOptions { Server = "smtp.example.com", UseSsl = true };
            production.Port = 465;
            services.AddFluentEmail("noreply@example.com").AddMailKitSender(production);

            var forgotten = {|#0:new SmtpClientOptions|} { Server = "smtp.example.org", UseSsl = {|#1:true|} };
            services.AddFluentEmail("noreply@example.org").AddMailKitSender(forgotten);
            """,
            Verify.Diagnostic("MAIL0201").WithLocation(0),
            Verify.Diagnostic("MAIL0203").WithLocation(1));

    [Fact]
    public Task FluentEmailSmtpAddSmtpSenderOnPort25_IsReportedAtThePort_LiteralConstOrSingleAssignedLocal()
        => Verify.CSharpAsync("""
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                const int RelayPort = 25;

                void HostAndPort(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").{|#0:AddSmtpSender|}("smtp.example.com", {|#1:25|});

                void WithCredentials(IServiceCollection services, string user, string password)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", {|#2:RelayPort|}, user, password);

                void ViaLocal(IServiceCollection services, string user, string password)
                {
                    var port = 25;
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", {|#3:port|}, user, password);
                }
            }
            """,
            Verify.Diagnostic("MAIL0202").WithLocation(0),
            Verify.Diagnostic("MAIL0201").WithLocation(1)
                .WithMessage("FluentEmail's AddSmtpSender(host, port) uses port 25, which is for relay between mail servers and is blocked outbound by most cloud providers; submit on port 587 with STARTTLS"),
            Verify.Diagnostic("MAIL0201").WithLocation(2)
                .WithMessage("FluentEmail's AddSmtpSender(host, port, username, password) uses port 25, which is for relay between mail servers and is blocked outbound by most cloud providers; submit on port 587 with STARTTLS"),
            Verify.Diagnostic("MAIL0201").WithLocation(3));

    [Fact]
    public Task FluentEmailSmtpPortFromConfiguration_LoopbackOnPort25_AndLookAlikes_AreSilent()
        => Verify.CSharpAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            namespace Microsoft.Extensions.Configuration
            {
                static class ConfigurationBinder { public static T GetValue<T>(this IConfiguration configuration, string key) => default; }
            }
            namespace Acme.Mail
            {
                static class AcmeSmtpExtensions
                {
                    public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, string host, int port) => builder;
                }
                class Startup
                {
                    void Configured(IServiceCollection services, IConfiguration configuration)
                        => services.AddFluentEmail("noreply@example.com")
                            .AddSmtpSender(configuration["Smtp:Host"], configuration.GetValue<int>("Smtp:Port"), configuration["Smtp:User"], configuration["Smtp:Password"]);

                    void Smtp4Dev(IServiceCollection services)
                        => FluentEmailSmtpBuilderExtensions.AddSmtpSender(services.AddFluentEmail("dev@localhost"), "localhost", 25);

                    void Papercut(IServiceCollection services)
                        => services.AddFluentEmail("dev@localhost").AddSmtpSender("127.0.0.1", 25, "dev", "");

                    void LookAlike(FluentEmailServicesBuilder builder)
                        => AcmeSmtpExtensions.AddSmtpSender(builder, "smtp.example.com", 25);
                }
            }
            """);

    [Fact]
    public Task FluentEmailMailKitInTheRepositoryNamespace_CountsAsGoingStraightToFluentEmail()
        => Verify.CSharpWithAsync(StandIns.FluentEmailRepositoryLayout, """
            using FluentEmail.Core;
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                void Inline(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender({|#0:new SmtpClientOptions|} { Server = "smtp.example.com", SocketOptions = SecureSocketOptions.StartTls });
            }
            """,
            Verify.Diagnostic("MAIL0201").WithLocation(0).WithMessage(FluentEmailDefaultPortMessage));

    [Fact]
    public Task SystemNetMailClientGivenToFluentEmailSmtp_ReportsPort25And465Once_AndTheMissingSslAtTheCreation()
        => Verify.CSharpAsync("""
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Relay(IServiceCollection services)
                    => services.AddFluentEmail("alerts@example.com").AddSmtpSender({|MAIL0202:{|MAIL0303:new SmtpClient("relay.example.com", {|MAIL0201:25|})|}|});

                void Implicit(IServiceCollection services)
                    => services.AddFluentEmail("alerts@example.com").AddSmtpSender(() => {|MAIL0303:new SmtpClient("smtp.example.com", {|MAIL0203:465|})|} { EnableSsl = true });
            }
            """);
}
