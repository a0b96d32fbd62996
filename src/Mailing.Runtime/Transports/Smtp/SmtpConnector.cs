using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Smtp;

/// <summary>Opens a new SMTP session: TCP (with fallback ports), the configured TLS mode, greeting, EHLO, then AUTH.</summary>
internal sealed class SmtpConnector(SmtpOptions options, SmtpFailureClassifier classifier, TimeProvider time, ILogger logger)
{
    private readonly SmtpCertificateValidator? _certificateValidator = options.TrustedCertificates.Count == 0
        ? null
        : new SmtpCertificateValidator(options.TrustedCertificates, options.CheckCertificateRevocation);

    private int _connections;

    public async Task<SmtpSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var activity = SmtpTelemetry.StartConnect(options);
        var stage = SmtpStage.Connect;
        SmtpSession? session = null;
        using var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var (socket, port) = await OpenSocketAsync(cancellationToken).ConfigureAwait(false);
            session = new SmtpSession(socket, options.OperationTimeout, time.GetTimestamp());

            // The TLS handshake, greeting and EHLO get a connect timeout of their own, after the TCP connection.
            connectDeadline.CancelAfter(options.ConnectTimeout);
            var security = options.EffectiveSecurity;
            if (security == SmtpSecurity.ImplicitTls)
            {
                await session.StartImplicitTlsAsync(TlsOptions(), connectDeadline.Token).ConfigureAwait(false);
            }

            await session.GreetAsync(options.LocalDomain ?? LocalDomainOf(socket), connectDeadline.Token).ConfigureAwait(false);

            // Never "STARTTLS when available": a server (or something in between) that does not offer it gets nothing more.
            if (security == SmtpSecurity.StartTls)
            {
                await session.StartTlsAsync(TlsOptions(), connectDeadline.Token).ConfigureAwait(false);
            }

            stage = SmtpStage.Authenticate;
            await SmtpAuthenticator.AuthenticateAsync(session, options, cancellationToken).ConfigureAwait(false);

            var number = Interlocked.Increment(ref _connections);
            SmtpLog.Connected(logger, number, options.Host, options.Port, security);
            SmtpTelemetry.Connected(options, activity, time.GetElapsedTime(started), port);
            return session;
        }
        catch (Exception exception)
        {
            session?.Dispose();
            var failure = exception switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => null,
                OperationCanceledException when stage == SmtpStage.Connect => classifier.ConnectTimedOut(exception),
                _ => classifier.Classify(exception, stage),
            };
            SmtpTelemetry.ConnectFailed(options, activity, time.GetElapsedTime(started), failure?.Kind);
            if (failure is null)
            {
                throw;
            }

            throw failure;
        }
    }

    // MailKit's default, kept: the local end of the connection as an address literal (RFC 5321 §4.1.3), which is always
    // syntactically valid where a machine name may not be.
    private static string LocalDomainOf(Socket socket) => socket.LocalEndPoint switch
    {
        IPEndPoint { Address.AddressFamily: AddressFamily.InterNetworkV6 } ip when !ip.Address.IsIPv4MappedToIPv6 => $"[IPv6:{ip.Address}]",
        IPEndPoint ip => $"[{(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address)}]",
        _ => "[127.0.0.1]",
    };

    private SslClientAuthenticationOptions TlsOptions() => new()
    {
        TargetHost = options.Host,
        CertificateRevocationCheckMode = options.CheckCertificateRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck,

        // null: the platform's validation (chain to a system root, host name). With trusted certificates, a chain error
        // alone is reconsidered against them; see SmtpCertificateValidator.
        RemoteCertificateValidationCallback = _certificateValidator is null ? null : _certificateValidator.Validate,
    };

    /// <summary>
    /// Opens the TCP connection with Nagle's algorithm off: SMTP's small pipelined writes (the end of DATA, NOOP) would
    /// otherwise wait for the server's delayed ACK, about 40 ms a message on Linux, 200 ms on Windows. The socket tries
    /// every address the host resolves to, IPv6 and IPv4.
    /// </summary>
    /// <remarks>
    /// Each port gets <see cref="SmtpOptions.ConnectTimeout"/> of its own; <see cref="SmtpOptions.FallbackPorts"/> are tried
    /// only when the TCP connection itself fails (refused, unreachable, no answer), with the same TLS mode.
    /// </remarks>
    private async Task<(Socket Socket, int Port)> OpenSocketAsync(CancellationToken cancellationToken)
    {
        var ports = options.FallbackPorts.Count == 0 ? [options.Port] : options.FallbackPorts.Prepend(options.Port).ToArray();
        for (var i = 0; ; i++)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(new DnsEndPoint(options.Host, ports[i]), attempt.Token).ConfigureAwait(false);
                return (socket, ports[i]);
            }
            catch (Exception exception) when (i + 1 < ports.Length && !cancellationToken.IsCancellationRequested && IsBlockedPort(exception))
            {
                socket.Dispose();
                SmtpLog.FallingBackToPort(logger, options.Host, ports[i], ports[i + 1], exception is OperationCanceledException ? "timed out" : ((SocketException)exception).SocketErrorCode.ToString());
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    // A refusal, an unreachable network or silence at the TCP level: a port a firewall blocks looks like this.
    // DNS failures are not: another port would not resolve the name either.
    private static bool IsBlockedPort(Exception exception) => exception switch
    {
        OperationCanceledException => true,
        SocketException socket => socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.TimedOut
            or SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.ConnectionReset,
        _ => false,
    };
}
