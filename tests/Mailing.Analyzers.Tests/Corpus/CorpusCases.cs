namespace Mailing.Analyzers.Tests.Corpus;

/// <summary>
/// The ways people really configure mail: MailKit samples and Q&amp;A answers, System.Net.Mail
/// tutorials, FluentEmail-style wrappers, Mailing itself and appsettings.json shapes.
/// </summary>
internal static class CorpusCases
{
    public static readonly CorpusCase[] All =
    [
        // ---- MailKit ----
        CorpusCase.Code("MailKit README: 587 + StartTls, password from configuration", """
            using MailKit.Net.Smtp; using MailKit.Security; using MimeKit; using Microsoft.Extensions.Configuration;
            class EmailSender
            {
                private readonly IConfiguration _config;
                public EmailSender(IConfiguration config) => _config = config;
                public void Send(MimeMessage message)
                {
                    using var client = new SmtpClient();
                    client.Connect(_config["Smtp:Host"], 587, SecureSocketOptions.StartTls);
                    client.Authenticate(_config["Smtp:User"], _config["Smtp:Password"]);
                    client.Send(message);
                    client.Disconnect(true);
                }
            }
            """),
        CorpusCase.Code("MailKit Q&A answer: Gmail, useSsl false, literal app password", """
            using MailKit.Net.Smtp; using MimeKit;
            class Program
            {
                static void Main()
                {
                    var message = new MimeMessage();
                    using (var client = new SmtpClient())
                    {
                        client.Connect("smtp.gmail.com", 587, false);
                        client.Authenticate("me@gmail.com", "abcd efgh ijkl mnop");
                        client.Send(message);
                        client.Disconnect(true);
                    }
                }
            }
            """, "MAIL0302", "MAIL0202", "MAIL0301"),
        CorpusCase.Code("MailKit: implicit TLS on 465 via useSsl true", """
            using MailKit.Net.Smtp; using MimeKit;
            class Mailer
            {
                public async System.Threading.Tasks.Task SendAsync(MimeMessage message, string host, string user, string password)
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync(host, 465, true);
                    await client.AuthenticateAsync(user, password);
                    await client.SendAsync(message);
                }
            }
            """),
        CorpusCase.Code("MailKit: port 25 to a cloud relay with STARTTLS", """
            using MailKit.Net.Smtp; using MailKit.Security;
            class Relay
            {
                public void Open(SmtpClient client) => client.Connect("smtp.sendgrid.net", 25, SecureSocketOptions.StartTls);
            }
            """, "MAIL0201"),
        CorpusCase.Code("MailKit: port 465 with StartTls hangs", """
            using MailKit.Net.Smtp; using MailKit.Security;
            class Relay
            {
                public async System.Threading.Tasks.Task Open(SmtpClient client) => await client.ConnectAsync("smtp.office365.com", 465, SecureSocketOptions.StartTls);
            }
            """, "MAIL0203"),
        CorpusCase.Code("MailKit: 587 with SslOnConnect fails the handshake", """
            using MailKit.Net.Smtp; using MailKit.Security;
            class Relay
            {
                public void Open(SmtpClient client) => client.Connect("smtp.mailgun.org", 587, SecureSocketOptions.SslOnConnect);
            }
            """, "MAIL0203"),
        CorpusCase.Code("MailKit: certificate check disabled to 'fix' a self-signed cert", """
            using MailKit.Net.Smtp; using MailKit.Security;
            class Relay
            {
                public void Open()
                {
                    var client = new SmtpClient();
                    client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    client.CheckCertificateRevocation = false;
                    client.Connect("mail.internal.example", 587, SecureSocketOptions.StartTls);
                }
            }
            """, "MAIL0204", "MAIL0204"),
        CorpusCase.Code("MailKit: settings object with constants in a static class", """
            using MailKit.Net.Smtp; using MailKit.Security;
            static class MailDefaults { public const string Host = "smtp.example.com"; public const int Port = 587; }
            class Relay
            {
                public void Open(SmtpClient client) => client.Connect(MailDefaults.Host, MailDefaults.Port, SecureSocketOptions.StartTls);
            }
            """),
        CorpusCase.Code("MailKit: options record from IOptions, all values unknown", """
            using MailKit.Net.Smtp; using MailKit.Security;
            sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string User, string Password);
            class Relay
            {
                public void Open(SmtpClient client, SmtpSettings settings)
                {
                    client.Connect(settings.Host, settings.Port, settings.Security);
                    client.Authenticate(settings.User, settings.Password);
                }
            }
            """),
        CorpusCase.Code("MailKit: local papercut on loopback without TLS", """
            using MailKit.Net.Smtp; using MailKit.Security;
            class DevMailer
            {
                public void Open(SmtpClient client) => client.Connect("localhost", 25, SecureSocketOptions.None);
            }
            """),
        CorpusCase.Code("MailKit: SecureSocketOptions.None to a remote host", """
            using MailKit.Net.Smtp; using MailKit.Security;
            class Relay
            {
                public void Open(SmtpClient client) => client.Connect("smtp.example.com", 587, SecureSocketOptions.None);
            }
            """, "MAIL0202"),
        CorpusCase.Code("MailKit: Connect without options on 587 is opportunistic", """
            using MailKit.Net.Smtp;
            class Relay
            {
                public void Open(SmtpClient client) => client.Connect("smtp.example.com", 587);
            }
            """, "MAIL0202"),
        CorpusCase.Code("MailKit: mode chosen from a condition is not a constant", """
            using MailKit.Net.Smtp; using MailKit.Security;
            class Relay
            {
                public void Open(SmtpClient client, int port)
                {
                    var options = port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
                    client.Connect("smtp.example.com", port, options);
                }
            }
            """),
        CorpusCase.Code("MailKit: IMAP client on 143 is not SMTP", """
            using MailKit.Net.Imap; using MailKit.Security;
            class Inbox
            {
                public void Open(ImapClient client) { client.Connect("imap.example.com", 143, SecureSocketOptions.StartTlsWhenAvailable); client.Authenticate("user", System.Environment.GetEnvironmentVariable("IMAP_PASSWORD")); }
            }
            """),
        CorpusCase.Code("MailKit: credential object with a literal password", """
            using System.Net; using MailKit.Net.Smtp; using MailKit.Security;
            class Relay
            {
                public void Open(SmtpClient client)
                {
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new NetworkCredential("apikey", "SG.xxxxxyyyyzzzz"));
                }
            }
            """, "MAIL0301"),
        CorpusCase.Code("MailKit: callback that pins a thumbprint", """
            using MailKit.Net.Smtp;
            class Relay
            {
                private const string Thumbprint = "AB12CD";
                public void Configure(SmtpClient client) => client.ServerCertificateValidationCallback = (s, c, h, e) => c != null && c.GetCertHashString() == Thumbprint;
            }
            """),

        // ---- System.Net.Mail ----
        CorpusCase.Code("System.Net.Mail tutorial: Gmail with EnableSsl and literal password", """
            using System.Net; using System.Net.Mail;
            class Program
            {
                static void Main()
                {
                    var smtp = new SmtpClient("smtp.gmail.com", 587)
                    {
                        EnableSsl = true,
                        Credentials = new NetworkCredential("me@gmail.com", "app-password-123"),
                    };
                    smtp.Send("me@gmail.com", "you@example.com", "Hi", "Body");
                }
            }
            """, "MAIL0303", "MAIL0302", "MAIL0301"),
        CorpusCase.Code("System.Net.Mail: sends without EnableSsl", """
            using System.Net.Mail;
            class Notifier
            {
                public void Notify(MailMessage message)
                {
                    var client = new SmtpClient("mail.example.com");
                    client.Send(message);
                }
            }
            """, "MAIL0303", "MAIL0202"),
        CorpusCase.Code("System.Net.Mail: port 465 with EnableSsl (a classic hang)", """
            using System.Net.Mail;
            class Notifier
            {
                public void Notify(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 465) { EnableSsl = true };
                    client.Send(message);
                }
            }
            """, "MAIL0303", "MAIL0203"),
        CorpusCase.Code("System.Net.Mail: Port property 25 and EnableSsl false", """
            using System.Net.Mail;
            class Notifier
            {
                public void Notify(MailMessage message)
                {
                    var client = new SmtpClient();
                    client.Host = "smtp.example.com";
                    client.Port = 25;
                    client.EnableSsl = false;
                    client.Send(message);
                }
            }
            """, "MAIL0303", "MAIL0201", "MAIL0202"),
        CorpusCase.Code("System.Net.Mail: everything from configuration", """
            using System.Net; using System.Net.Mail; using Microsoft.Extensions.Configuration;
            class Notifier
            {
                public SmtpClient Create(IConfiguration config) => new SmtpClient(config["Smtp:Host"], int.Parse(config["Smtp:Port"]))
                {
                    EnableSsl = bool.Parse(config["Smtp:EnableSsl"]),
                    Credentials = new NetworkCredential(config["Smtp:User"], config["Smtp:Password"]),
                };
            }
            """, "MAIL0303"),
        CorpusCase.Code("System.Net.Mail: global certificate bypass", """
            using System.Net;
            class Startup
            {
                public void Configure() => ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };
            }
            """, "MAIL0204"),
        CorpusCase.Code("System.Net.Mail: pickup directory for tests", """
            using System.Net.Mail;
            class TestMailer
            {
                public SmtpClient Create(string folder) => new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
            }
            """, "MAIL0303"),
        CorpusCase.Code("System.Net.Mail: pickup directory client with a host, sending", """
            using System.Net.Mail;
            class FileMailer
            {
                public void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com") { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = "/tmp/mail" };
                    client.Send(message);
                }
            }
            """, "MAIL0303"),
        CorpusCase.Code("System.Net.Mail: client in a field, secured in the constructor", """
            using System.Net.Mail;
            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);
                public Mailer() { _client.EnableSsl = true; }
                public void Send(MailMessage message) => _client.Send(message);
            }
            """, "MAIL0303"),
        CorpusCase.Code("System.Net.Mail: local smtp4dev on loopback", """
            using System.Net.Mail;
            class DevMailer
            {
                public void Send(MailMessage message) { using var client = new SmtpClient("127.0.0.1", 25); client.Send(message); }
            }
            """, "MAIL0303"),

        // ---- FluentEmail: look-alike wrappers (own types) and FluentEmail.MailKit's SmtpClientOptions ----
        CorpusCase.Code("FluentEmail-style: AddSmtpSender(host, port) wrapper is not a mail type", """
            namespace FluentEmail.Smtp
            {
                public class SmtpSender { public SmtpSender(string host, int port) { } }
                public static class Extensions { public static void AddSmtpSender(this object services, string host, int port) { } }
                class Startup { void Configure(object services) => services.AddSmtpSender("smtp.example.com", 25); }
            }
            """),
        CorpusCase.Code("FluentEmail-style: SmtpSender built from a System.Net.Mail client", """
            using System.Net.Mail;
            namespace FluentEmail.Smtp
            {
                public class SmtpSender { public SmtpSender(System.Func<SmtpClient> factory) { } }
                class Startup
                {
                    SmtpSender Create() => new SmtpSender(() => new SmtpClient("smtp.example.com") { Port = 25, EnableSsl = false });
                }
            }
            """, "MAIL0303", "MAIL0201", "MAIL0202"),
        CorpusCase.Code("FluentEmail MailKit sender options with literal password", """
            using FluentEmail.MailKitSmtp;
            class Startup
            {
                SmtpClientOptions Options() => new SmtpClientOptions { Server = "smtp.example.com", Port = 25, Password = "hunter2", UseSsl = false };
            }
            """, "MAIL0201", "MAIL0202", "MAIL0301"),
        CorpusCase.Code("FluentEmail.MailKit: AddMailKitSender with only a server (FluentEmail's defaults: port 25, useSsl false)", """
            using FluentEmail.MailKitSmtp; using Microsoft.Extensions.Configuration; using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void ConfigureServices(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail("noreply@example.com")
                        .AddMailKitSender(new SmtpClientOptions
                        {
                            Server = "smtp.example.com",
                            User = configuration["Smtp:User"],
                            Password = configuration["Smtp:Password"],
                            RequiresAuthentication = true,
                        });
            }
            """, "MAIL0201", "MAIL0202"),
        CorpusCase.Code("FluentEmail.MailKit: Email.DefaultSender on 465 without UseSsl", """
            using FluentEmail.Core; using FluentEmail.MailKitSmtp;
            static class MailSetup
            {
                public static void Configure(string user, string password)
                {
                    var options = new SmtpClientOptions { Server = "mail.example.org", Port = 465, User = user, Password = password, RequiresAuthentication = true };
                    Email.DefaultSender = new MailKitSender(options);
                }
            }
            """, "MAIL0203"),
        CorpusCase.Code("FluentEmail.MailKit: Gmail on 587 with UseSsl true", """
            using FluentEmail.MailKitSmtp; using Microsoft.Extensions.Configuration; using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void ConfigureServices(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail("me@gmail.com").AddMailKitSender(new SmtpClientOptions
                    {
                        Server = "smtp.gmail.com",
                        Port = 587,
                        UseSsl = true,
                        User = "me@gmail.com",
                        Password = configuration["Gmail:AppPassword"],
                        RequiresAuthentication = true,
                    });
            }
            """, "MAIL0302", "MAIL0203"),
        CorpusCase.Code("FluentEmail.MailKit: 587 with SocketOptions StartTls, everything else from configuration", """
            using FluentEmail.MailKitSmtp; using MailKit.Security; using Microsoft.Extensions.Configuration; using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void ConfigureServices(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail(configuration["Email:From"])
                        .AddMailKitSender(new SmtpClientOptions
                        {
                            Server = configuration["Smtp:Server"],
                            Port = 587,
                            User = configuration["Smtp:User"],
                            Password = configuration["Smtp:Password"],
                            RequiresAuthentication = true,
                            SocketOptions = SecureSocketOptions.StartTls,
                        });
            }
            """),
        CorpusCase.Code("FluentEmail.MailKit: smtp4dev on localhost:25 in development", """
            using FluentEmail.MailKitSmtp; using Microsoft.Extensions.DependencyInjection;
            class DevelopmentMail
            {
                void ConfigureServices(IServiceCollection services)
                    => services.AddFluentEmail("dev@localhost").AddMailKitSender(new SmtpClientOptions { Server = "localhost", Port = 25, UseSsl = false });
            }
            """),
        CorpusCase.Code("FluentEmail.MailKit: server in code, port and TLS bound from configuration", """
            using FluentEmail.MailKitSmtp; using Microsoft.Extensions.Configuration; using Microsoft.Extensions.DependencyInjection;
            namespace Microsoft.Extensions.Configuration
            {
                static class ConfigurationBinder { public static void Bind(this IConfiguration configuration, string key, object instance) { } }
            }
            class Startup
            {
                void ConfigureServices(IServiceCollection services, IConfiguration configuration)
                {
                    var smtp = new SmtpClientOptions { Server = "smtp.example.com" };
                    configuration.Bind("Smtp", smtp);
                    services.AddFluentEmail("noreply@example.com").AddMailKitSender(smtp);
                }
            }
            """),
        CorpusCase.Code("FluentEmail look-alike: an app's own SmtpClientOptions in another namespace", """
            namespace Acme.Notifications
            {
                public class SmtpClientOptions { public string Server { get; set; } public int Port { get; set; } public string Password { get; set; } public bool UseSsl { get; set; } }
                class Startup
                {
                    SmtpClientOptions Options() => new SmtpClientOptions { Server = "smtp.example.com", Port = 25, Password = "hunter2", UseSsl = false };
                }
            }
            """),

        // ---- FluentEmail.Smtp: AddSmtpSender ----
        CorpusCase.Code("FluentEmail.Smtp: clean-architecture DI against smtp4dev on localhost:25", """
            using Microsoft.Extensions.DependencyInjection;
            public static class DependencyInjection
            {
                public static IServiceCollection AddApplication(this IServiceCollection services)
                {
                    services.AddFluentEmail("admin@example.com").AddSmtpSender("localhost", 25);
                    return services;
                }
            }
            """),
        CorpusCase.Code("FluentEmail.Smtp: AddSmtpSender(host, port) straight to Gmail on 587", """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            static class EmailSetup
            {
                public static void AddEmail(this IServiceCollection services, IConfiguration configuration)
                    => services
                        .AddFluentEmail(configuration["Email:From"], "Example Shop")
                        .AddSmtpSender("smtp.gmail.com", 587);
            }
            """, "MAIL0302", "MAIL0202"),
        CorpusCase.Code("FluentEmail.Smtp: desktop app with a Gmail app password in the four-argument overload", """
            using Microsoft.Extensions.DependencyInjection;
            class ForgotPasswordForm
            {
                private readonly ServiceCollection _services = new ServiceCollection();
                public ForgotPasswordForm()
                {
                    _services
                        .AddFluentEmail("reset.bot@gmail.com")
                        .AddSmtpSender("smtp.gmail.com", 587, "reset.bot@gmail.com", "qwer tyui opas dfgh");
                }
            }
            class ServiceCollection : IServiceCollection { }
            """, "MAIL0302", "MAIL0301"),
        CorpusCase.Code("FluentEmail.Smtp: every setting from configuration, GetValue<int> port", """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            namespace Microsoft.Extensions.Configuration
            {
                static class ConfigurationBinder { public static T GetValue<T>(this IConfiguration configuration, string key) => default; }
            }
            class Startup
            {
                private readonly IConfiguration _configuration;
                public Startup(IConfiguration configuration) => _configuration = configuration;
                public void ConfigureServices(IServiceCollection services)
                {
                    var smtp = _configuration;
                    services.AddFluentEmail(smtp["Smtp:From"])
                        .AddSmtpSender(smtp["Smtp:Host"], smtp.GetValue<int>("Smtp:Port"), smtp["Smtp:User"], smtp["Smtp:Password"]);
                }
            }
            """),
        CorpusCase.Code("FluentEmail.Smtp: Mailpit in development, a configured client in production", """
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            sealed class EmailOption { public string SenderEmail { get; set; } public string Host { get; set; } public int Port { get; set; } public string Password { get; set; } }
            static class EmailRegistration
            {
                public static void AddEmailing(this IServiceCollection services, EmailOption option, bool isDevelopment)
                {
                    if (isDevelopment)
                    {
                        services.AddFluentEmail(option.SenderEmail).AddSmtpSender("localhost", 1025);
                    }
                    else
                    {
                        services.AddFluentEmail(option.SenderEmail).AddSmtpSender(() => new SmtpClient(option.Host, option.Port)
                        {
                            EnableSsl = true,
                            Credentials = new NetworkCredential(option.SenderEmail, option.Password),
                        });
                    }
                }
            }
            """, "MAIL0303"),
        CorpusCase.Code("FluentEmail.Smtp: on-premises relay on port 25 through AddSmtpSender(host, port)", """
            using Microsoft.Extensions.DependencyInjection;
            static class Notifications
            {
                const string Relay = "relay.corp.example";
                public static IServiceCollection AddNotifications(this IServiceCollection services)
                {
                    services.AddFluentEmail("alerts@corp.example").AddSmtpSender(Relay, 25);
                    return services;
                }
            }
            """, "MAIL0201", "MAIL0202"),
        CorpusCase.Code("FluentEmail.Smtp: constants class with port 465 for the four-argument overload", """
            using Microsoft.Extensions.DependencyInjection;
            static class MailSettings
            {
                public const string Host = "mail.example.org";
                public const int Port = 465;
                public const string User = "noreply@example.org";
            }
            static class MailRegistration
            {
                public static void AddMail(this IServiceCollection services)
                    => services.AddFluentEmail(MailSettings.User)
                        .AddSmtpSender(MailSettings.Host, MailSettings.Port, MailSettings.User, System.Environment.GetEnvironmentVariable("SMTP_PASSWORD"));
            }
            """, "MAIL0203"),
        CorpusCase.Code("FluentEmail.Smtp: SendGrid through the client factory with EnableSsl", """
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void ConfigureServices(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail("noreply@example.com")
                        .AddSmtpSender(() => new SmtpClient("smtp.sendgrid.net", 587)
                        {
                            EnableSsl = true,
                            Credentials = new NetworkCredential("apikey", configuration["SendGrid:ApiKey"]),
                        });
            }
            """, "MAIL0303"),
        CorpusCase.Code("FluentEmail.Smtp: shared SmtpClient for an office relay, credentials but no EnableSsl", """
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            public static class MailServiceRegistration
            {
                public static IServiceCollection AddMailServices(this IServiceCollection services, IConfiguration configuration)
                {
                    services.AddFluentEmail(configuration["Mail:From"])
                        .AddSmtpSender(new SmtpClient("mail.office.example", 587)
                        {
                            Credentials = new NetworkCredential(configuration["Mail:User"], configuration["Mail:Password"]),
                        });
                    return services;
                }
            }
            """, "MAIL0303", "MAIL0202"),
        CorpusCase.Code("FluentEmail.Smtp: factory method group building the client from bound options, EnableSsl forgotten", """
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            sealed class SmtpSettings { public string Host { get; set; } public int Port { get; set; } public string User { get; set; } public string Password { get; set; } }
            static class Startup
            {
                static SmtpSettings Settings;

                public static void AddEmail(IServiceCollection services, SmtpSettings settings)
                {
                    Settings = settings;
                    services.AddFluentEmail("noreply@shop.example", "Shop").AddSmtpSender(CreateSmtpClient);
                }

                static SmtpClient CreateSmtpClient()
                {
                    var client = new SmtpClient(Settings.Host, Settings.Port);
                    client.Credentials = new NetworkCredential(Settings.User, Settings.Password);
                    client.DeliveryFormat = SmtpDeliveryFormat.International;
                    return client;
                }
            }
            """, "MAIL0303", "MAIL0202"),
        CorpusCase.Code("FluentEmail.Smtp: factory whose EnableSsl comes from configuration", """
            using System.Net;
            using System.Net.Mail;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                void ConfigureServices(IServiceCollection services, IConfiguration configuration)
                    => services.AddFluentEmail(configuration["Email:Sender"])
                        .AddSmtpSender(() => new SmtpClient(configuration["Email:Host"], int.Parse(configuration["Email:Port"]))
                        {
                            EnableSsl = bool.Parse(configuration["Email:EnableSsl"]),
                            Credentials = new NetworkCredential(configuration["Email:User"], configuration["Email:Password"]),
                        });
            }
            """, "MAIL0303"),
        CorpusCase.Code("FluentEmail.Smtp: Papercut on localhost in development through the client overload", """
            using System.Net.Mail;
            using Microsoft.Extensions.DependencyInjection;
            static class DevMail
            {
                public static void AddDevMail(this IServiceCollection services)
                    => services.AddFluentEmail("dev@localhost").AddSmtpSender(new SmtpClient("localhost", 25));
            }
            """, "MAIL0303"),
        CorpusCase.Code("FluentEmail.Smtp look-alike: an app's own AddSmtpSender on IServiceCollection", """
            using Microsoft.Extensions.DependencyInjection;
            namespace Acme.Mail
            {
                static class SmtpRegistration
                {
                    public static IServiceCollection AddSmtpSender(this IServiceCollection services, string host, int port, string user = null, string password = null) => services;
                }
                class Startup
                {
                    void ConfigureServices(IServiceCollection services) => services.AddSmtpSender("smtp.example.com", 25, "mailer", "hunter2");
                }
            }
            """),

        // ---- Mailing ----
        CorpusCase.Code("Mailing: UseSmtp with 587 + StartTls and configuration secrets", """
            using Mailing; using Mailing.Transports.Smtp; using Microsoft.Extensions.Configuration;
            class Startup
            {
                void Configure(MailingBuilder builder, IConfiguration config)
                    => builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Port = 587; o.Security = SmtpSecurity.StartTls; o.Username = config["Smtp:User"]; o.Password = config["Smtp:Password"]; });
            }
            """),
        CorpusCase.Code("Mailing: UseSmtp on port 25 without opt-in", """
            using Mailing; using Mailing.Transports.Smtp;
            class Startup
            {
                void Configure(MailingBuilder builder) => builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Port = 25; });
            }
            """, "MAIL0201"),
        CorpusCase.Code("Mailing: on-premises relay on port 25 with AllowPort25", """
            using Mailing; using Mailing.Transports.Smtp;
            class Startup
            {
                void Configure(MailingBuilder builder) => builder.UseSmtp(o => { o.Host = "relay.corp.example"; o.Port = 25; o.AllowPort25 = true; o.Security = SmtpSecurity.StartTls; });
            }
            """),
        CorpusCase.Code("Mailing: 465 with StartTls and a literal password", """
            using Mailing; using Mailing.Transports.Smtp;
            class Startup
            {
                void Configure(MailingBuilder builder) => builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Port = 465; o.Security = SmtpSecurity.StartTls; o.Password = "P@ssw0rd!"; });
            }
            """, "MAIL0203", "MAIL0301"),
        CorpusCase.Code("Mailing: integration test against an in-process server on loopback", """
            using Mailing; using Mailing.Transports.Smtp;
            class SmtpTests
            {
                void Configure(MailingBuilder builder, int port) => builder.UseSmtp(o => { o.Host = "127.0.0.1"; o.Port = port; o.Security = SmtpSecurity.None; });
            }
            """),
        CorpusCase.Code("Mailing: DSN with credentials and port 25", """
            class Startup
            {
                object Transport() => Mailing.TransportDsn.Parse("smtp://mailer:s3cr3t@smtp.example.com:25");
            }
            """, "MAIL0201", "MAIL0301"),
        CorpusCase.Code("Mailing: DSN from environment", """
            class Startup
            {
                object Transport() => Mailing.TransportDsn.Parse(System.Environment.GetEnvironmentVariable("MAILING_DSN") ?? "smtp://localhost:25");
            }
            """),
        CorpusCase.Code("Mailing: Auto security on 587 (required STARTTLS in Mailing)", """
            using Mailing; using Mailing.Transports.Smtp;
            class Startup
            {
                void Configure(MailingBuilder builder) => builder.UseSmtp(o => { o.Host = "smtp.example.com"; o.Port = 587; o.Security = SmtpSecurity.Auto; });
            }
            """),
        CorpusCase.Code("Mailing: DSN turning TLS off for a remote host", """
            class Startup
            {
                const string Dsn = "smtp://smtp.example.com:587?security=none&timeout=30";
                object Transport() => Mailing.TransportDsn.Parse(Dsn);
            }
            """, "MAIL0202"),
        CorpusCase.Settings("appsettings: Mailing DSN for a corporate relay on 25 with opt-in", "appsettings.json", """
            { "Mailing": { "Transport": "smtp://relay.corp.example:25?allow_port_25=true" } }
            """),
        CorpusCase.Code("Mailing: smtps DSN on 465", """
            class Startup
            {
                object Transport() => Mailing.TransportDsn.Parse("smtps://smtp.example.com:465");
            }
            """),

        // ---- appsettings.json ----
        CorpusCase.Settings("appsettings: Mailing section, secure", "appsettings.json", """
            { "Mailing": { "From": "shop@example.com", "Smtp": { "Host": "smtp.example.com", "Port": 587, "Security": "StartTls", "Username": "shop", "Password": "" } } }
            """),
        CorpusCase.Settings("appsettings: Smtp section on port 25 without SSL", "appsettings.json", """
            {
              "Smtp": {
                "Host": "smtp.example.com",
                "Port": 25,
                "EnableSsl": false,
                "UserName": "shop",
                "Password": "Sup3rS3cret"
              }
            }
            """, "MAIL0201", "MAIL0202", "MAIL0301"),
        CorpusCase.Settings("appsettings: EmailSettings for MailKit with UseSsl true on 587", "appsettings.json", """
            { "EmailSettings": { "SmtpServer": "smtp.office365.com", "SmtpPort": 587, "UseSsl": true, "SenderEmail": "noreply@example.com" } }
            """, "MAIL0203"),
        CorpusCase.Settings("appsettings: Email:Smtp Gmail", "appsettings.json", """
            { "Email": { "Smtp": { "Host": "smtp.gmail.com", "Port": 465, "Security": "SslOnConnect" } } }
            """, "MAIL0302"),
        CorpusCase.Settings("appsettings: Development file with local server and a password", "appsettings.Development.json", """
            { "Smtp": { "Host": "localhost", "Port": 25, "EnableSsl": false, "Password": "dev" } }
            """),
        CorpusCase.Settings("appsettings: Mailing transport DSN with smtps on 587", "appsettings.Production.json", """
            { "Mailing": { "Transport": "smtps://smtp.example.com:587" } }
            """, "MAIL0203"),
        CorpusCase.Settings("appsettings: SendGrid API key in the file", "appsettings.json", """
            { "SendGrid": { "ApiKey": "SG.0123456789abcdef" }, "Logging": { "LogLevel": { "Default": "Information" } } }
            """, "MAIL0301"),
        CorpusCase.Settings("appsettings: unrelated ports and passwords", "appsettings.json", """
            {
              "ConnectionStrings": { "Db": "Server=db;User Id=app;Password=secret" },
              "Redis": { "Host": "cache", "Port": 25, "Password": "x1y2" },
              "Kestrel": { "Endpoints": { "Https": { "Url": "https://*:465" } } }
            }
            """),
        CorpusCase.Settings("appsettings: placeholders for secrets", "appsettings.json", """
            { "Smtp": { "Host": "smtp.example.com", "Port": 587, "Password": "<set in user secrets>", "EnableSsl": true } }
            """),
        CorpusCase.Settings("appsettings: mailbox section with SMTP and IMAP", "appsettings.json", """
            {
              "Mailbox": {
                "Smtp": { "Host": "mail.example.com", "Port": 587, "Security": "StartTls" },
                "Imap": { "Host": "mail.example.com", "Port": 143, "UseSsl": false },
                "Pop3": { "Host": "mail.example.com", "Port": 110, "EnableSsl": false }
              }
            }
            """),
        CorpusCase.Settings("appsettings: MailSettings with Auto security on 587", "appsettings.json", """
            { "MailSettings": { "Host": "smtp.example.com", "Port": 587, "Security": "Auto" } }
            """, "MAIL0202"),
    ];
}
