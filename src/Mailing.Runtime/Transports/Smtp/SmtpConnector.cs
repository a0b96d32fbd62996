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
        connectDeadline.CancelAfter(options.ConnectTimeout);
        try
        {
            var socket = await OpenSocketAsync(connectDeadline.Token).ConfigureAwait(false);
            await client.ConnectAsync(socket, options.Host, options.Port, ToMailKit(options.EffectiveSecurity), connectDeadline.Token).ConfigureAwait(false);

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
        catch (OperationCanceledException canceled) when (connectDeadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && stage == SmtpStage.Connect)
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
    private async Task<Socket> OpenSocketAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new DnsEndPoint(options.Host, options.Port), cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // Never StartTlsWhenAvailable: that silently downgrades to plaintext when STARTTLS is missing or stripped.
    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
