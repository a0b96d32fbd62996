using Mailing.Analyzers.CodeFixes;
using Mailing.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Tests;

public sealed class CodeFixTests
{
    [Fact]
    public Task Port25_BecomesPort587WithStartTls_WhenTheCallNamesAMode()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", {|MAIL0201:25|}, {|#0:SecureSocketOptions.StartTlsWhenAvailable|});
            }
            """, """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
            }
            """,
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task Port25_FixAll_RewritesEveryOccurrence()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using System.Net.Mail;
            class Sender
            {
                void Send()
                {
                    var a = {|MAIL0303:new SmtpClient("smtp.example.com", {|MAIL0201:25|})|} { EnableSsl = true };
                    var b = {|MAIL0303:new SmtpClient("smtp.example.org")|} { Port = {|MAIL0201:25|}, EnableSsl = true };
                }
            }
            """, """
            using System.Net.Mail;
            class Sender
            {
                void Send()
                {
                    var a = {|MAIL0303:new SmtpClient("smtp.example.com", 587)|} { EnableSsl = true };
                    var b = {|MAIL0303:new SmtpClient("smtp.example.org")|} { Port = 587, EnableSsl = true };
                }
            }
            """);

    [Fact]
    public Task PlainText_BecomesStartTls_InEveryLibrary()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Mailing;
            using Mailing.Transports.Smtp;
            class Sender
            {
                void Send(SmtpClient client, MailingBuilder builder)
                {
                    client.Connect("smtp.example.com", 587, {|MAIL0202:SecureSocketOptions.None|});
                    client.Connect("smtp.example.com", 587, {|#0:false|});
                    var smtp = {|MAIL0303:new System.Net.Mail.SmtpClient("smtp.example.com", 587)|} { EnableSsl = {|MAIL0202:false|} };
                    builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Security = {|MAIL0202:SmtpSecurity.None|}; });
                }
            }
            """, """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Mailing;
            using Mailing.Transports.Smtp;
            class Sender
            {
                void Send(SmtpClient client, MailingBuilder builder)
                {
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    var smtp = {|MAIL0303:new System.Net.Mail.SmtpClient("smtp.example.com", 587)|} { EnableSsl = true };
                    builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Security = SmtpSecurity.StartTls; });
                }
            }
            """,
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task ClientThatNeverEnablesSsl_GetsEnableSslTrue()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using System.Net;
            using System.Net.Mail;
            class Sender
            {
                void Send(MailMessage message, ICredentialsByHost credentials)
                {
                    using var plain = {|MAIL0202:{|MAIL0303:new SmtpClient("smtp.example.com", 587)|}|};
                    plain.Send(message);
                    var withCredentials = {|MAIL0202:{|MAIL0303:new SmtpClient("smtp.example.org", 587)|}|} { Credentials = credentials };
                    withCredentials.Send(message);
                }
            }
            """, """
            using System.Net;
            using System.Net.Mail;
            class Sender
            {
                void Send(MailMessage message, ICredentialsByHost credentials)
                {
                    using var plain = {|MAIL0303:new SmtpClient("smtp.example.com", 587)|} { EnableSsl = true };
                    plain.Send(message);
                    var withCredentials = {|MAIL0303:new SmtpClient("smtp.example.org", 587)|} { Credentials = credentials, EnableSsl = true };
                    withCredentials.Send(message);
                }
            }
            """);

    [Fact]
    public Task PortAndModeMismatch_TakesTheModeThePortExpects()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Mailing.Transports.Smtp;
            class Sender
            {
                void Send(SmtpClient client)
                {
                    client.Connect("smtp.example.com", 465, {|MAIL0203:SecureSocketOptions.StartTls|});
                    client.Connect("smtp.example.com", 587, {|MAIL0203:SecureSocketOptions.SslOnConnect|});
                    client.Connect("smtp.example.com", 587, {|MAIL0203:true|});
                    client.Connect("smtp.example.com", 465, {|MAIL0203:false|});
                    var options = new SmtpOptions { Host = "smtp.example.com", Port = 465, Security = {|MAIL0203:SmtpSecurity.StartTls|} };
                    var legacy = {|MAIL0303:new System.Net.Mail.SmtpClient("smtp.example.com", {|MAIL0203:465|})|} { EnableSsl = true };
                }
            }
            """, """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Mailing.Transports.Smtp;
            class Sender
            {
                void Send(SmtpClient client)
                {
                    client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    client.Connect("smtp.example.com", 465, true);
                    var options = new SmtpOptions { Host = "smtp.example.com", Port = 465, Security = SmtpSecurity.ImplicitTls };
                    var legacy = {|MAIL0303:new System.Net.Mail.SmtpClient("smtp.example.com", 587)|} { EnableSsl = true };
                }
            }
            """);

    [Fact]
    public Task ValueFromAConstant_HasNoFix_BecauseTheConstantMayServeOthers()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                const int Port = 25;
                void Send(SmtpClient client) => client.Connect("smtp.example.com", {|MAIL0201:Port|}, SecureSocketOptions.StartTls);
            }
            """, """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            class Sender
            {
                const int Port = 25;
                void Send(SmtpClient client) => client.Connect("smtp.example.com", {|MAIL0201:Port|}, SecureSocketOptions.StartTls);
            }
            """);

    [Fact]
    public Task AlwaysTrueCallback_IsRemoved_FromStatementsAndInitializers()
        => Verify.FixAsync<RemoveCertificateCallbackCodeFixProvider>("""
            using MailKit.Net.Smtp;
            class Sender
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = {|MAIL0204:(s, c, h, e) => true|};
                    var other = new SmtpClient { CheckCertificateRevocation = true, ServerCertificateValidationCallback = {|MAIL0204:delegate { return true; }|} };
                    System.Net.ServicePointManager.ServerCertificateValidationCallback += {|MAIL0204:(s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """, """
            using MailKit.Net.Smtp;
            class Sender
            {
                void Configure(SmtpClient client)
                {
                    var other = new SmtpClient { CheckCertificateRevocation = true };
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """);

    [Fact]
    public Task FluentEmailPort25_BecomesPort587_AndUseSslFalse_BecomesSocketOptionsStartTls()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                SmtpClientOptions Options() => new SmtpClientOptions { Server = "smtp.example.com", Port = {|MAIL0201:25|}, UseSsl = {|#0:false|} };
            }
            """, """
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                SmtpClientOptions Options() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, SocketOptions = SecureSocketOptions.StartTls };
            }
            """,
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task FluentEmailMismatch_TakesTheModeThePortExpects_InInitializersAndAssignments()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                SmtpClientOptions A() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, SocketOptions = {|MAIL0203:SecureSocketOptions.StartTls|} };
                SmtpClientOptions B() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, UseSsl = {|MAIL0203:false|} };
                SmtpClientOptions C() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, UseSsl = {|MAIL0203:true|} };
                SmtpClientOptions D()
                {
                    var options = new SmtpClientOptions { Server = "smtp.example.com", Port = 2525 };
                    options.UseSsl = {|MAIL0203:true|};
                    return options;
                }
            }
            """, """
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            class Startup
            {
                SmtpClientOptions A() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, SocketOptions = SecureSocketOptions.SslOnConnect };
                SmtpClientOptions B() => new SmtpClientOptions { Server = "smtp.example.com", Port = 465, UseSsl = true };
                SmtpClientOptions C() => new SmtpClientOptions { Server = "smtp.example.com", Port = 587, SocketOptions = SecureSocketOptions.StartTls };
                SmtpClientOptions D()
                {
                    var options = new SmtpClientOptions { Server = "smtp.example.com", Port = 2525 };
                    options.SocketOptions = SecureSocketOptions.StartTls;
                    return options;
                }
            }
            """);

    [Fact]
    public Task FluentEmailDefaults_GetPort587AndStartTlsAdded_NextToAnyRewrittenValue()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Inline(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender({|#0:new SmtpClientOptions|} { Server = "smtp.example.com" });

                void ThroughALocal(IServiceCollection services)
                {
                    var options = {|#1:new SmtpClientOptions()|};
                    options.Server = "smtp.example.com";
                    services.AddFluentEmail("noreply@example.com").AddMailKitSender(options);
                }

                void ExplicitPort25(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender({|#2:new SmtpClientOptions|} { Server = "smtp.example.com", Port = {|MAIL0201:25|} });
            }
            """, """
            using FluentEmail.MailKitSmtp;
            using MailKit.Security;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Inline(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender(new SmtpClientOptions { Server = "smtp.example.com", Port = 587, SocketOptions = SecureSocketOptions.StartTls });

                void ThroughALocal(IServiceCollection services)
                {
                    var options = new SmtpClientOptions() { Port = 587, SocketOptions = SecureSocketOptions.StartTls };
                    options.Server = "smtp.example.com";
                    services.AddFluentEmail("noreply@example.com").AddMailKitSender(options);
                }

                void ExplicitPort25(IServiceCollection services)
                    => services.AddFluentEmail("noreply@example.com").AddMailKitSender(new SmtpClientOptions { Server = "smtp.example.com", Port = 587, SocketOptions = SecureSocketOptions.StartTls });
            }
            """,
            Verify.Diagnostic("MAIL0201").WithLocation(0),
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(0),
            Verify.Diagnostic("MAIL0201").WithLocation(1),
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(1),
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(2));

    [Fact]
    public Task FluentEmailOn465WithoutAMode_GetsSslOnConnectAdded()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using FluentEmail.Core;
            using FluentEmail.MailKitSmtp;
            class Startup
            {
                void Configure() => Email.DefaultSender = new MailKitSender({|MAIL0203:new SmtpClientOptions|} { Server = "smtp.example.com", Port = 465 });
            }
            """, """
            using FluentEmail.Core;
            using FluentEmail.MailKitSmtp;
            class Startup
            {
                void Configure() => Email.DefaultSender = new MailKitSender(new SmtpClientOptions { Server = "smtp.example.com", Port = 465, SocketOptions = MailKit.Security.SecureSocketOptions.SslOnConnect });
            }
            """);

    [Fact]
    public Task FluentEmailSmtpPorts25And465_BecomePort587_WithFixAll_AndHostAndPortOverloadKeepsItsWarning()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Configure(IServiceCollection services, string user, string password)
                {
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", {|MAIL0201:25|}, user, password);
                    services.AddFluentEmail("noreply@example.org").AddSmtpSender("smtp.example.org", {|MAIL0201:25|}, user, password);
                    services.AddFluentEmail("noreply@example.info").AddSmtpSender("smtp.example.info", {|MAIL0203:465|}, user, password);
                    services.AddFluentEmail("noreply@example.net").{|MAIL0202:AddSmtpSender|}("smtp.example.net", {|MAIL0201:25|});
                }
            }
            """, """
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Configure(IServiceCollection services, string user, string password)
                {
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender("smtp.example.com", 587, user, password);
                    services.AddFluentEmail("noreply@example.org").AddSmtpSender("smtp.example.org", 587, user, password);
                    services.AddFluentEmail("noreply@example.info").AddSmtpSender("smtp.example.info", 587, user, password);
                    services.AddFluentEmail("noreply@example.net").{|MAIL0202:AddSmtpSender|}("smtp.example.net", 587);
                }
            }
            """,
            iterations: (Incremental: 4, FixAll: 2));

    [Fact]
    public Task SystemNetMailClientGivenToFluentEmailSmtp_GetsEnableSsl_WithFixAll()
        => Verify.FixAsync<SecureTransportCodeFixProvider>("""
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Configure(IServiceCollection services, ICredentialsByHost credentials)
                {
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender({|MAIL0202:{|MAIL0303:new SmtpClient("smtp.example.com", 587)|}|});
                    services.AddFluentEmail("noreply@example.org").AddSmtpSender(() => {|MAIL0202:{|MAIL0303:new SmtpClient("smtp.example.org", 587)|}|} { Credentials = credentials });
                    var client = {|MAIL0202:{|MAIL0303:new SmtpClient("smtp.example.net", 587)|}|};
                    services.AddFluentEmail("noreply@example.net").AddSmtpSender(client);
                    services.AddFluentEmail("noreply@example.info").AddSmtpSender(CreateClient);
                }

                static SmtpClient CreateClient() => {|MAIL0202:{|MAIL0303:new SmtpClient("smtp.example.info", 587)|}|};
            }
            """, """
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void Configure(IServiceCollection services, ICredentialsByHost credentials)
                {
                    services.AddFluentEmail("noreply@example.com").AddSmtpSender({|MAIL0303:new SmtpClient("smtp.example.com", 587)|} { EnableSsl = true });
                    services.AddFluentEmail("noreply@example.org").AddSmtpSender(() => {|MAIL0303:new SmtpClient("smtp.example.org", 587)|} { Credentials = credentials, EnableSsl = true });
                    var client = {|MAIL0303:new SmtpClient("smtp.example.net", 587)|} { EnableSsl = true };
                    services.AddFluentEmail("noreply@example.net").AddSmtpSender(client);
                    services.AddFluentEmail("noreply@example.info").AddSmtpSender(CreateClient);
                }

                static SmtpClient CreateClient() => {|MAIL0303:new SmtpClient("smtp.example.info", 587)|} { EnableSsl = true };
            }
            """,
            iterations: (Incremental: 4, FixAll: 1));
}
