using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Smtp;

/// <summary>Opens a new SMTP session: connect with the configured TLS mode, EHLO, then authenticate.</summary>
internal sealed class SmtpConnector(SmtpOptions options, SmtpFailureClassifier classifier, TimeProvider time, ILogger logger)
{
    private readonly SmtpCertificateValidator? _certificateValidator = options.TrustedCertificates.Count == 0
        ? null
        : new SmtpCertificateValidator(options.TrustedCertificates, options.CheckCertificateRevocation);

    private int _connections;

    public async Task<SmtpConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new RecipientTrackingSmtpClient
        {
            Timeout = (int)options.OperationTimeout.TotalMilliseconds,
            CheckCertificateRevocation = options.CheckCertificateRevocation,
        };
        if (options.LocalDomain is not null)
        {
            client.LocalDomain = options.LocalDomain;
        }

        if (_certificateValidator is not null)
        {
            client.ServerCertificateValidationCallback = _certificateValidator.Validate;
        }

        var stage = SmtpStage.Connect;
        using var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var (socket, port) = await OpenSocketAsync(cancellationToken).ConfigureAwait(false);

            // The greeting and TLS handshake get a connect timeout of their own, after the TCP connection.
            connectDeadline.CancelAfter(options.ConnectTimeout);
            await client.ConnectAsync(socket, options.Host, port, ToMailKit(options.EffectiveSecurity), connectDeadline.Token).ConfigureAwait(false);

            stage = SmtpStage.Authenticate;
            if (options.AccessTokenProvider is not null)
            {
                var token = await options.AccessTokenProvider(cancellationToken).ConfigureAwait(false);
                await client.AuthenticateAsync(new SaslMechanismOAuth2(options.Username!, token), cancellationToken).ConfigureAwait(false);
            }
            else if (options.Username is not null)
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            SmtpLog.Connected(logger, Interlocked.Increment(ref _connections), options.Host, options.Port, options.EffectiveSecurity);
            return new SmtpConnection(client, time.GetTimestamp());
        }
        catch (OperationCanceledException canceled) when (!cancellationToken.IsCancellationRequested && stage == SmtpStage.Connect)
        {
            client.Dispose();
            throw classifier.ConnectTimedOut(canceled);
        }
        catch (OperationCanceledException)
        {
            client.Dispose();
            throw;
        }
        catch (Exception exception) when (classifier.Classify(exception, stage) is { } failure)
        {
            client.Dispose();
            throw failure;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the TCP connection with Nagle's algorithm off. MailKit leaves it on, and SMTP's small
    /// pipelined writes (the end of DATA, RSET, NOOP) then wait for the server's delayed ACK:
    /// about 40 ms a message on Linux, 200 ms on Windows. The socket tries every address the host
    /// resolves to, IPv6 and IPv4, as MailKit's own connect does; MailKit owns it once handed over.
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

    // Never StartTlsWhenAvailable: that silently downgrades to plaintext when STARTTLS is missing or stripped.
    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
