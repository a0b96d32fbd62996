using System.Net;
using SmtpServer;
using SmtpServer.Net;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Mailing.DevInbox;

/// <summary>
/// An SMTP server in the current process, on a loopback port, that keeps every message it receives:
/// for tests that assert on what really arrived, and for a development inbox.
/// </summary>
/// <remarks>
/// Built on the SmtpServer library. Offers STARTTLS or implicit TLS with the certificate you give it
/// (see <see cref="DevCertificate"/>) and, when a user name is configured, requires <c>AUTH</c>.
/// Dispose it to stop listening.
/// </remarks>
public sealed class LocalSmtpInbox : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedEmail> _messages = [];
    private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<ReceivedEmail>> Waiter)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    private LocalSmtpInbox(LocalSmtpInboxOptions options)
    {
        Options = options;
    }

    /// <summary>The options the inbox was started with.</summary>
    public LocalSmtpInboxOptions Options { get; }

    /// <summary>The port the inbox listens on (the one picked when <see cref="LocalSmtpInboxOptions.Port"/> was 0).</summary>
    public int Port { get; private set; }

    /// <summary>The address the inbox listens on.</summary>
    public IPAddress Address => Options.Address;

    /// <summary>Every message received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedEmail> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>Starts an inbox and returns once it accepts connections.</summary>
    /// <param name="options">How to listen, secure and authenticate; <see langword="null"/> for plaintext on a free loopback port.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running inbox.</returns>
    /// <exception cref="ArgumentException">The address is not loopback, or TLS was asked for without a certificate, or only one of user name and password is set.</exception>
    public static async Task<LocalSmtpInbox> StartAsync(LocalSmtpInboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalSmtpInboxOptions();
        Validate(options);

        var inbox = new LocalSmtpInbox(options);
        await inbox.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return inbox;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    /// <param name="count">How many messages to wait for, counting those already received.</param>
    /// <param name="cancellationToken">Stops waiting; use a timeout here so a missing message fails instead of hanging.</param>
    /// <returns>All messages received so far (at least <paramref name="count"/>).</returns>
    public Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            if (_messages.Count >= count)
            {
                return Task.FromResult<IReadOnlyList<ReceivedEmail>>(_messages.ToArray());
            }

            var waiter = new TaskCompletionSource<IReadOnlyList<ReceivedEmail>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets every message received so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }

    /// <summary>Stops listening and ends open sessions.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _server?.Shutdown();
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how SmtpServer is told to stop.
        }

        _stopping.Dispose();
    }

    internal void Add(ReceivedEmail email)
    {
        List<TaskCompletionSource<IReadOnlyList<ReceivedEmail>>> satisfied = [];
        ReceivedEmail[] snapshot;
        lock (_gate)
        {
            _messages.Add(email);
            snapshot = _messages.ToArray();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= snapshot.Length)
                {
                    satisfied.Add(_waiters[i].Waiter);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in satisfied)
        {
            waiter.TrySetResult(snapshot);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var options = Options;
        var builder = new SmtpServerOptionsBuilder()
            .ServerName(options.ServerName)
            .MaxMessageSize(options.MaxMessageSize ?? 0, MaxMessageSizeHandling.Ignore)
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(options.Address, options.Port));
                endpoint.IsSecure(options.Tls == InboxTlsMode.ImplicitTls);
                if (options.Certificate is not null && options.Tls != InboxTlsMode.None)
                {
                    endpoint.Certificate(options.Certificate);
                }

                if (options.Username is null && options.Authenticator is not null)
                {
                    // A development catcher takes AUTH with or without TLS: apps in development often send in plaintext.
                    endpoint.AllowUnsecureAuthentication(true);
                    endpoint.AuthenticationRequired(options.AuthenticationRequired);
                }

                if (options.Username is not null)
                {
                    endpoint.AuthenticationRequired(true);
                    // Over TLS, AUTH is only advertised once the session is encrypted, as a real submission server does.
                    endpoint.AllowUnsecureAuthentication(options.Tls == InboxTlsMode.None);
                }
            });

        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, args) => started.TrySetResult(((IPEndPoint)args.LocalEndPoint).Port);

        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new InboxMessageStore(this, options));
        if (options.MailboxFilter is not null)
        {
            services.Add(options.MailboxFilter);
        }

        if (options.Username is not null && options.Password is not null)
        {
            services.Add(new InboxUserAuthenticator(options.Username, options.Password));
        }
        else if (options.Authenticator is not null)
        {
            services.Add(options.Authenticator);
        }

        _server = new SmtpServer.SmtpServer(builder.Build(), services);
        _running = _server.StartAsync(_stopping.Token);

        var first = await Task.WhenAny(started.Task, _running).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (first == _running)
        {
            await _running.ConfigureAwait(false);
            throw new InvalidOperationException($"The SMTP inbox stopped before it listened on {options.Address}:{options.Port}.");
        }

        Port = await started.Task.ConfigureAwait(false);
    }

    private static void Validate(LocalSmtpInboxOptions options)
    {
        if (!IPAddress.IsLoopback(options.Address) && !options.AllowNonLoopback)
        {
            throw new ArgumentException($"The inbox listens on loopback only; {options.Address} is not a loopback address. Use IPAddress.Loopback or IPAddress.IPv6Loopback.", nameof(options));
        }

        if (options.Tls != InboxTlsMode.None && options.Certificate is null)
        {
            throw new ArgumentException($"Tls = {options.Tls} needs a server certificate: set Certificate, e.g. to DevCertificate.CreateLocalhost().", nameof(options));
        }

        if ((options.Username is null) != (options.Password is null))
        {
            throw new ArgumentException("Set both Username and Password to require AUTH, or neither to accept anonymous mail.", nameof(options));
        }
    }
}
