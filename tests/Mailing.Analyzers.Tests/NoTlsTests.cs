using Mailing.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Tests;

public sealed class NoTlsTests
{
    [Fact]
    public Task MailKitSecureSocketOptionsNone_IsAWarning()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", 587, {|MAIL0202:SecureSocketOptions.None|});
            }
            """);

    [Fact]
    public Task WithoutCredentialsInSight_TheMessageSpeaksOfTheMessagesOnly()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", 587, {|#0:SecureSocketOptions.None|});
            }
            """,
            Verify.Diagnostic("MAIL0202").WithLocation(0)
                .WithMessage("MailKit's SmtpClient.Connect sends every message in plain text; require STARTTLS (port 587) or implicit TLS (port 465)"));

    [Fact]
    public Task WithAnAuthenticateCallInTheSameMethod_TheMessageNamesThePassword()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client, string user, string password)
                {
                    client.Connect("smtp.example.com", 587, {|#0:SecureSocketOptions.None|});
                    client.Authenticate(user, password);
                }
            }
            """,
            Verify.Diagnostic("MAIL0202").WithLocation(0)
                .WithMessage("MailKit's SmtpClient.Connect sends the password and every message in plain text; require STARTTLS (port 587) or implicit TLS (port 465)"));

    [Fact]
    public Task OpportunisticStartTls_IsInfo_ForAutoStartTlsWhenAvailableFalseAndOmittedOptions()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                async System.Threading.Tasks.Task Send(SmtpClient client)
                {
                    client.Connect("smtp.example.com", 587, {|#0:SecureSocketOptions.Auto|});
                    client.Connect("smtp.example.com", 587, {|#1:SecureSocketOptions.StartTlsWhenAvailable|});
                    client.Connect("smtp.example.com", 587, {|#2:false|});
                    await client.{|#3:ConnectAsync|}("smtp.example.com", 587);
                }
            }
            """,
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(0),
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(1),
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(2),
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(3));

    [Fact]
    public Task Port587WithStartTls_AndAutoOn465_AreSilent()
        => Verify.CSharpAsync("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client)
                {
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    client.Connect("smtp.example.com", 465, SecureSocketOptions.Auto);
                    client.Connect("smtp.example.com", 465, true);
                    client.Connect("smtp.example.com", 465);
                }
            }
            """);

    [Fact]
    public Task SystemNetMailEnableSslFalse_IsAWarning_UnlessLoopback()
        => Verify.CSharpAsync("""
            using System.Net.Mail;
            class Sender
            {
                void Send()
                {
                    var remote = {|MAIL0303:new SmtpClient("smtp.example.com", 587)|} { EnableSsl = {|MAIL0202:false|} };
                    var local = {|MAIL0303:new SmtpClient("127.0.0.1", 2525)|} { EnableSsl = false };
                    var later = {|MAIL0303:new SmtpClient("smtp.example.com", 587)|};
                    later.EnableSsl = {|MAIL0202:false|};
                }
            }
            """);

    [Fact]
    public Task SystemNetMailClientThatSendsWithoutEverEnablingSsl_IsAWarningAtTheCreation()
        => Verify.CSharpAsync("""
            using System.Net.Mail;
            class Sender
            {
                void Send(MailMessage message)
                {
                    using var client = {|#0:new SmtpClient("smtp.example.com", 587)|};
                    client.Send(message);
                }
            }
            """,
            Verify.Diagnostic("MAIL0202").WithLocation(0),
            Verify.Diagnostic("MAIL0303").WithLocation(0));

    [Fact]
    public Task SystemNetMailClientThatEscapesOrHasNoHost_IsOnlyInfo()
        => Verify.CSharpAsync("""
            using System.Net.Mail;
            class Sender
            {
                SmtpClient Create() { var client = {|MAIL0303:new SmtpClient("smtp.example.com", 587)|}; return client; }
                void FromAppConfig(MailMessage message) { var client = {|MAIL0303:new SmtpClient()|}; client.Send(message); }
                void Loopback(MailMessage message) { var client = {|MAIL0303:new SmtpClient("localhost", 25)|}; client.Send(message); }
            }
            """);

    [Fact]
    public Task MailingSecurityNone_IsAWarning_OutsideLoopback()
        => Verify.CSharpAsync("""
            using Mailing;
            using Mailing.Transports.Smtp;
            class Startup
            {
                void Configure(MailingBuilder builder)
                {
                    builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Security = {|MAIL0202:SmtpSecurity.None|}; });
                    builder.UseSmtp(o => { o.Host = "localhost"; o.Port = 2525; o.Security = SmtpSecurity.None; });
                    builder.UseSmtp(o => { o.Host = "[::1]"; o.Security = SmtpSecurity.None; });
                }
            }
            """);

    [Fact]
    public Task MailingAuto_IsSilent_BecauseItRequiresTls()
        => Verify.CSharpAsync("""
            using Mailing.Transports.Smtp;
            class Startup
            {
                SmtpOptions Submission() => new SmtpOptions { Host = "smtp.example.com", Port = 587, Security = SmtpSecurity.Auto };
                SmtpOptions Implicit() => new SmtpOptions { Host = "smtp.example.com", Port = 465, Security = SmtpSecurity.Auto };
            }
            """);

    [Fact]
    public Task DsnSecurityNone_IsReportedAtTheOption_UnlessLoopback()
        => Verify.CSharpAsync("""
            class Startup
            {
                const string Remote = "smtp://smtp.example.com:587?security={|MAIL0202:none|}";
                const string Local = "smtp://localhost:2525?security=none";
                const string Relay = "smtp://relay.corp.example:25?allow_port_25=true";
            }
            """);

    [Fact]
    public Task FluentEmailSocketOptionsNone_IsAWarning_UnlessLoopback()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                SmtpClientOptions Remote() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, SocketOptions = {|MAIL0202:SecureSocketOptions.None|} };
                SmtpClientOptions Local() => new SmtpClientOptions { Server = "localhost", Port = 25, SocketOptions = SecureSocketOptions.None };
                SmtpClientOptions LocalWithoutSsl() => new SmtpClientOptions { Server = "127.0.0.1", Port = 2525, UseSsl = false };
            }
            """);

    [Fact]
    public Task FluentEmailUseSslFalse_AndNoModeAtAll_AreInfo_BecauseFluentEmailThenUsesStartTlsWhenAvailable()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                SmtpClientOptions Explicit() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, UseSsl = {|#0:false|} };

                void Unset(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender({|#1:new SmtpClientOptions|} { Server = "smtp.example.com", Port = 587 });
            }
            """,
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(0),
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(1)
                .WithMessage("FluentEmail's SmtpClientOptions without UseSsl or SocketOptions (so FluentEmail connects with MailKit's useSsl: false) uses STARTTLS only when the server offers it, and an attacker who removes the offer gets plain text; require STARTTLS"));

    [Fact]
    public Task FluentEmailRequiredTls_UnknownModes_AndModesLeftOutOfView_AreSilent()
        => Verify.CSharpAsync("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;
            class Startup
            {
                SmtpClientOptions StartTls() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, SocketOptions = SecureSocketOptions.StartTls };
                SmtpClientOptions Implicit() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, UseSsl = true };
                SmtpClientOptions SslOnConnect() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, SocketOptions = SecureSocketOptions.SslOnConnect };
                SmtpClientOptions Configured(IConfiguration configuration) => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, UseSsl = bool.Parse(configuration["Smtp:UseSsl"]) };
                SmtpClientOptions Returned() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587 };
            }
            """);

    [Fact]
    public Task FluentEmailSmtpAddSmtpSenderWithHostAndPort_IsAWarningAtTheMethodName_BecauseItNeverEnablesTls()
        => Verify.CSharpAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Literal(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").{|#0:AddSmtpSender|}("smtp.example.com", 587);

                void Configured(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail("noreply@example.com").{|#1:AddSmtpSender|}(configuration["Smtp:Host"], int.Parse(configuration["Smtp:Port"]));

                void NamedArguments(FluentEmailServicesBuilder builder)
                    => builder.{|#2:AddSmtpSender|}(port: 2525, host: "smtp.example.com");
            }
            """,
            Verify.Diagnostic("MAIL0202").WithLocation(0)
                .WithMessage("FluentEmail's AddSmtpSender(host, port) never enables TLS (it creates System.Net.Mail's SmtpClient without EnableSsl), so every message crosses the network in plain text; use AddSmtpSender(host, port, username, password), which sets EnableSsl = true, or AddSmtpSender(() => new SmtpClient(host, port) { EnableSsl = true })"),
            Verify.Diagnostic("MAIL0202").WithLocation(1),
            Verify.Diagnostic("MAIL0202").WithLocation(2));

    [Fact]
    public Task FluentEmailSmtpCredentialOverload_Loopback_AndClientOverloads_AreNotReportedForTls()
        => Verify.CSharpAsync("""
            using System.Net.Mail;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void WithCredentials(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", 587, configuration["Smtp:User"], configuration["Smtp:Password"]);

                void Loopback(IServiceCollection services)
                {
                    services.AddFluentEmail("dev@localhost").AddSmtpSender("localhost", 1025);
                    services.AddFluentEmail("dev@localhost").AddSmtpSender("[::1]", 2525);
                }

                void Client(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender({|MAIL0303:new SmtpClient("smtp.example.com", 587)|} { EnableSsl = true });

                void Factory(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender(() => {|MAIL0303:new SmtpClient("smtp.example.com", 587)|} { EnableSsl = {|MAIL0202:false|} });
            }
            """);

    [Fact]
    public Task FluentEmailSmtpInTheRepositoryNamespace_IsReadLikeTheReleasedOne()
        => Verify.CSharpWithAsync(StandIns.FluentEmailRepositoryLayout, """
            using FluentEmail.Core;
            using FluentEmail.Smtp;
            class Startup
            {
                void HostAndPort(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").{|MAIL0202:AddSmtpSender|}("smtp.example.com", 587);

                void WithCredentials(Microsoft.Extensions.DependencyInjection.IServiceCollection services, string user, string password)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", 587, user, password);
            }
            """);

    [Fact]
    public Task SystemNetMailClientThatFluentEmailSmtpSendsWith_WithoutEverEnablingSsl_IsAWarningAtTheCreation()
        => Verify.CSharpAsync("""
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Inline(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender({|#0:new SmtpClient("smtp.example.com", 587)|});

                void Lambda(IServiceCollection services, string host, ICredentialsByHost credentials)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender(() => {|#1:new SmtpClient(host, 587)|} { Credentials = credentials });

                void BlockBody(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddSmtpSender(() =>
                    {
                        var client = {|#2:new SmtpClient("smtp.example.com")|};
                        client.Port = 587;
                        return client;
                    });

                void ThroughALocal(IServiceCollection services)
                {
                    var client = {|#3:new SmtpClient("smtp.example.com", 587)|};
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender(client);
                }

                void MethodGroups(IServiceCollection services)
                {
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender(CreateClient);
                    services.AddFluentEmail("noreply@example.org").AddSmtpSender(CreateOtherClient);
                    services.AddFluentEmail("noreply@example.net").AddSmtpSender(Local);

                    SmtpClient Local() => {|#6:new SmtpClient("smtp.example.net", 587)|};
                }

                static SmtpClient CreateClient() => {|#4:new SmtpClient("smtp.example.com", 587)|};

                static SmtpClient CreateOtherClient()
                {
                    return {|#5:new SmtpClient|} { Host = "smtp.example.org", Port = 587 };
                }
            }
            """,
            Verify.Diagnostic("MAIL0202").WithLocation(0)
                .WithMessage("System.Net.Mail.SmtpClient given to FluentEmail's AddSmtpSender sends without ever setting EnableSsl = true, so every message travels in plain text; set EnableSsl = true"),
            Verify.Diagnostic("MAIL0303").WithLocation(0),
            Verify.Diagnostic("MAIL0202").WithLocation(1),
            Verify.Diagnostic("MAIL0303").WithLocation(1),
            Verify.Diagnostic("MAIL0202").WithLocation(2),
            Verify.Diagnostic("MAIL0303").WithLocation(2),
            Verify.Diagnostic("MAIL0202").WithLocation(3),
            Verify.Diagnostic("MAIL0303").WithLocation(3),
            Verify.Diagnostic("MAIL0202").WithLocation(6),
            Verify.Diagnostic("MAIL0303").WithLocation(6),
            Verify.Diagnostic("MAIL0202").WithLocation(4),
            Verify.Diagnostic("MAIL0303").WithLocation(4),
            Verify.Diagnostic("MAIL0202").WithLocation(5),
            Verify.Diagnostic("MAIL0303").WithLocation(5));

    [Fact]
    public Task SystemNetMailClientForFluentEmailSmtp_IsNotReportedForTls_WhenItEnablesSslIsLoopbackOrMayBeSecuredElsewhere()
        => Verify.CSharpAsync("""
            using System;
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            namespace Acme.Mail
            {
                static class AcmeSmtpExtensions
                {
                    public static IServiceCollection AddSmtpSender(this IServiceCollection services, SmtpClient client) => services;
                }
                class Startup
                {
                    void Secured(IServiceCollection services, bool useSsl)
                    {
                        services.AddFluentEmail("noreply@example.com").AddSmtpSender({|MAIL0303:new SmtpClient("smtp.example.com", 587)|} { EnableSsl = true });
                        services.AddFluentEmail("noreply@example.org").AddSmtpSender(() => {|MAIL0303:new SmtpClient("smtp.example.org", 587)|} { EnableSsl = useSsl });
                        var later = {|MAIL0303:new SmtpClient("smtp.example.net", 587)|};
                        services.AddFluentEmail("noreply@example.net").AddSmtpSender(later);
                        later.EnableSsl = true;
                    }

                    void Loopback(IServiceCollection services)
                        => services.AddFluentEmail("dev@localhost").AddSmtpSender(() => {|MAIL0303:new SmtpClient("localhost", 1025)|});

                    void FromAppConfigOrPickupDirectory(IServiceCollection services)
                    {
                        services.AddFluentEmail("noreply@example.com").AddSmtpSender(() => {|MAIL0303:new SmtpClient()|});
                        services.AddFluentEmail("noreply@example.org").AddSmtpSender({|MAIL0303:new SmtpClient("smtp.example.org")|} { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory });
                    }

                    void NotFluentEmail(IServiceCollection services)
                    {
                        services.AddSmtpSender({|MAIL0303:new SmtpClient("smtp.example.com", 587)|});
                        Func<SmtpClient> factory = CreateClient;
                    }

                    void ConfiguredBeforeReturning(IServiceCollection services)
                        => services.AddFluentEmail("noreply@example.com").AddSmtpSender(() => Configure({|MAIL0303:new SmtpClient("smtp.example.com", 587)|}));

                    static SmtpClient CreateClient() => {|MAIL0303:new SmtpClient("smtp.example.com", 587)|};

                    static SmtpClient Configure(SmtpClient client) => client;
                }
            }
            """);
}
