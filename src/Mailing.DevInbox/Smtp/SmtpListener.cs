using Mailing.DevInbox.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailing.DevInbox.Smtp;

/// <summary>Runs the <see cref="LocalSmtpInbox"/> for the dev inbox's lifetime and files what it catches.</summary>
internal sealed partial class SmtpListener(IOptions<DevInboxOptions> options, DevInboxActivation activation, MessageInbox inbox, ChaosMode chaos, ILogger<SmtpListener> logger) : IHostedService, IAsyncDisposable
{
    private LocalSmtpInbox? _smtp;
    private System.Security.Cryptography.X509Certificates.X509Certificate2? _certificate;

    /// <summary>The port SMTP listens on, once started.</summary>
    public int Port => _smtp?.Port ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!activation.IsActive)
        {
            return;
        }

        var settings = options.Value;
        await inbox.LoadAsync(cancellationToken).ConfigureAwait(false);
        _certificate = settings.StartTls ? DevCertificate.CreateLocalhost() : null;
        _smtp = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Address = settings.BindAddress,
            AllowNonLoopback = true,
            Port = settings.SmtpPort,
            Tls = settings.StartTls ? InboxTlsMode.StartTls : InboxTlsMode.None,
            Certificate = _certificate,
            MaxMessageSize = settings.MaxMessageSize,
            MailboxFilter = new ChaosMailboxFilter(chaos),
            Authenticator = new DevAuthenticator(settings.Username, settings.Password, chaos),
            AuthenticationRequired = settings.Username is not null,
            RetainMessages = false,
            BeforeStore = (_, _) =>
            {
                chaos.Strike(ChaosStep.Data);
                return Task.CompletedTask;
            },
            Received = async (email, raw, token) => await inbox.AddAsync(raw.ToArray(), email.MailFrom, email.RcptTo, email.Message, token).ConfigureAwait(false),
        }, cancellationToken).ConfigureAwait(false);
        LogListening(logger, settings.BindAddress.ToString(), _smtp.Port, inbox.StorageDescription);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_smtp is { } smtp)
        {
            _smtp = null;
            await smtp.DisposeAsync().ConfigureAwait(false);
        }

        _certificate?.Dispose();
        _certificate = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailing dev inbox: SMTP on {Address}:{Port}, messages kept {Storage}.")]
    private static partial void LogListening(ILogger logger, string address, int port, string storage);
}
