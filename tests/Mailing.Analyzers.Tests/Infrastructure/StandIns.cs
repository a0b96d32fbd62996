namespace Mailing.Analyzers.Tests.Infrastructure;

/// <summary>
/// Minimal stand-ins for MailKit, Mailing, FluentEmail.MailKit, FluentEmail.Smtp and Microsoft.Extensions.Configuration
/// with the real metadata names and member shapes, so tests compile offline and without those packages.
/// </summary>
internal static class StandIns
{
    public const string MailKit = """
        namespace MimeKit { public class MimeMessage { } }
        namespace MailKit.Security
        {
            public enum SecureSocketOptions { None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable }
        }
        namespace MailKit
        {
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Security;

            public interface IMailService : System.IDisposable
            {
                void Connect(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default);
                void Authenticate(string userName, string password, CancellationToken cancellationToken = default);
            }

            public abstract class MailService : IMailService
            {
                public System.Net.Security.RemoteCertificateValidationCallback ServerCertificateValidationCallback { get; set; }
                public bool CheckCertificateRevocation { get; set; }
                public abstract void Connect(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default);
                public abstract Task ConnectAsync(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default);
                public void Connect(string host, int port, bool useSsl, CancellationToken cancellationToken = default) { }
                public Task ConnectAsync(string host, int port, bool useSsl, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public void Connect(System.Uri uri, CancellationToken cancellationToken = default) { }
                public abstract void Authenticate(System.Net.ICredentials credentials, CancellationToken cancellationToken = default);
                public void Authenticate(string userName, string password, CancellationToken cancellationToken = default) { }
                public Task AuthenticateAsync(string userName, string password, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public void Disconnect(bool quit, CancellationToken cancellationToken = default) { }
                public Task DisconnectAsync(bool quit, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public void Dispose() { }
            }
        }
        namespace MailKit.Net.Smtp
        {
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Security;

            public interface ISmtpClient : MailKit.IMailService
            {
                string Send(MimeKit.MimeMessage message, CancellationToken cancellationToken = default);
            }

            public class SmtpClient : MailKit.MailService, ISmtpClient
            {
                public override void Connect(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default) { }
                public override Task ConnectAsync(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public override void Authenticate(System.Net.ICredentials credentials, CancellationToken cancellationToken = default) { }
                public string Send(MimeKit.MimeMessage message, CancellationToken cancellationToken = default) => "";
                public Task<string> SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken = default) => Task.FromResult("");
            }
        }
        namespace MailKit.Net.Imap
        {
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Security;

            public class ImapClient : MailKit.MailService
            {
                public override void Connect(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default) { }
                public override Task ConnectAsync(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public override void Authenticate(System.Net.ICredentials credentials, CancellationToken cancellationToken = default) { }
            }
        }
        """;

    public const string Mailing = """
        namespace Mailing
        {
            public sealed class MailingBuilder { }
            public sealed class TransportDsn { public static TransportDsn Parse(string dsn) => new TransportDsn(); }
        }
        namespace Mailing.Transports.Smtp
        {
            public enum SmtpSecurity { Auto, StartTls, ImplicitTls, None }

            public sealed class SmtpOptions
            {
                public string Host { get; set; } = "";
                public int Port { get; set; } = 587;
                public SmtpSecurity Security { get; set; }
                public string Username { get; set; }
                public string Password { get; set; }
                public bool AllowPort25 { get; set; }
            }

            public static class SmtpMailingBuilderExtensions
            {
                public static global::Mailing.MailingBuilder UseSmtp(this global::Mailing.MailingBuilder builder, System.Action<SmtpOptions> configure) => builder;
            }
        }
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration { string this[string key] { get; } }
        }
        """;

    /// <summary>
    /// FluentEmail.MailKit (and the parts of FluentEmail.Core it needs) as its MailKitSender reads it:
    /// SocketOptions when set, else MailKit's Connect(Server, Port, UseSsl). Port defaults to 25.
    /// </summary>
    public const string FluentEmail = """
        namespace FluentEmail.Core.Interfaces { public interface ISender { } }
        namespace FluentEmail.Core
        {
            public class Email { public static FluentEmail.Core.Interfaces.ISender DefaultSender { get; set; } }
        }
        namespace FluentEmail.MailKitSmtp
        {
            public class SmtpClientOptions
            {
                public string Server { get; set; } = string.Empty;
                public int Port { get; set; } = 25;
                public string User { get; set; } = string.Empty;
                public string Password { get; set; } = string.Empty;
                public bool UseSsl { get; set; } = false;
                public bool RequiresAuthentication { get; set; } = false;
                public string PreferredEncoding { get; set; } = string.Empty;
                public bool UsePickupDirectory { get; set; } = false;
                public string MailPickupDirectory { get; set; } = string.Empty;
                public MailKit.Security.SecureSocketOptions? SocketOptions { get; set; }
            }

            public class MailKitSender : FluentEmail.Core.Interfaces.ISender
            {
                public MailKitSender(SmtpClientOptions smtpClientOptions) { }
            }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }

            public class FluentEmailServicesBuilder { }

            public static class FluentEmailServiceCollectionExtensions
            {
                public static FluentEmailServicesBuilder AddFluentEmail(this IServiceCollection services, string defaultFromEmail, string defaultFromName = "") => new FluentEmailServicesBuilder();
            }

            public static class FluentEmailMailKitBuilderExtensions
            {
                public static FluentEmailServicesBuilder AddMailKitSender(this FluentEmailServicesBuilder builder, FluentEmail.MailKitSmtp.SmtpClientOptions smtpClientOptions) => builder;
            }
        }
        """;

    /// <summary>
    /// FluentEmail.Smtp's builder extensions as released: AddSmtpSender(host, port) creates
    /// new SmtpClient(host, port); the four-argument overload adds EnableSsl = true and the credential.
    /// </summary>
    public const string FluentEmailSmtp = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            using System.Net.Mail;

            public static class FluentEmailSmtpBuilderExtensions
            {
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, SmtpClient smtpClient) => builder;
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, string host, int port) => builder;
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, string host, int port, string username, string password) => builder;
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, System.Func<SmtpClient> clientFactory) => builder;
            }
        }
        """;

    /// <summary>
    /// FluentEmail as its repository declares it since the released packages: the builder in FluentEmail.Core and
    /// the sender extensions in each package's namespace. Compiled only where a test asks for it, next to
    /// <see cref="FluentEmail"/> (its SmtpClientOptions), because apps importing both layouts would see two AddFluentEmail.
    /// </summary>
    public const string FluentEmailRepositoryLayout = """
        namespace FluentEmail.Core
        {
            public class FluentEmailServicesBuilder { }

            public static class FluentEmailServiceCollectionExtensions
            {
                public static FluentEmailServicesBuilder AddFluentEmail(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, string defaultFromEmail, string defaultFromName = "") => new FluentEmailServicesBuilder();
            }
        }
        namespace FluentEmail.Smtp
        {
            using System.Net.Mail;
            using FluentEmail.Core;

            public static class FluentEmailSmtpBuilderExtensions
            {
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, SmtpClient smtpClient) => builder;
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, string host, int port) => builder;
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, string host, int port, string username, string password) => builder;
                public static FluentEmailServicesBuilder AddSmtpSender(this FluentEmailServicesBuilder builder, System.Func<SmtpClient> clientFactory) => builder;
            }
        }
        namespace FluentEmail.MailKitSmtp
        {
            using FluentEmail.Core;

            public static class FluentEmailMailKitBuilderExtensions
            {
                public static FluentEmailServicesBuilder AddMailKitSender(this FluentEmailServicesBuilder builder, SmtpClientOptions smtpClientOptions) => builder;
            }
        }
        """;
}
