using System.Net;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.Storage;

namespace Mailing.DevInbox;

/// <summary>How a <see cref="LocalSmtpInbox"/> listens, secures and authenticates.</summary>
public sealed class LocalSmtpInboxOptions
{
    /// <summary>The loopback address to listen on. Defaults to <see cref="IPAddress.Loopback"/>.</summary>
    /// <remarks>Only loopback addresses are accepted: the inbox is a development tool, not a mail server.</remarks>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port to listen on; 0 (the default) picks a free one, see <see cref="LocalSmtpInbox.Port"/>.</summary>
    public int Port { get; set; }

    /// <summary>The name the server greets with and uses in <c>EHLO</c> replies.</summary>
    public string ServerName { get; set; } = "localhost";

    /// <summary>Whether and how TLS is offered. Anything other than <see cref="InboxTlsMode.None"/> needs <see cref="Certificate"/>.</summary>
    public InboxTlsMode Tls { get; set; }

    /// <summary>The server certificate (with its private key), e.g. from <see cref="DevCertificate.CreateLocalhost"/>.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The only user name accepted by <c>AUTH</c>; when set, every session must authenticate.</summary>
    public string? Username { get; set; }

    /// <summary>The password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// An optional filter consulted on <c>MAIL FROM</c> and <c>RCPT TO</c> (SmtpServer's extension point);
    /// throw <c>SmtpResponseException</c> from it to answer with a specific reply.
    /// </summary>
    public IMailboxFilter? MailboxFilter { get; set; }

    /// <summary>
    /// An optional hook run after the message body has arrived and before it is stored; throw
    /// <c>SmtpResponseException</c> from it to refuse the message with a specific reply.
    /// </summary>
    public Func<ReceivedEmail, CancellationToken, Task>? BeforeStore { get; set; }

    /// <summary>
    /// The largest message, in bytes, the inbox accepts; larger ones are refused with
    /// <c>552 5.3.4</c>. <see langword="null"/> (the default) accepts any size.
    /// </summary>
    /// <remarks>The limit is also advertised in the <c>EHLO</c> reply as the <c>SIZE</c> extension.</remarks>
    public int? MaxMessageSize { get; set; }

    /// <summary>Whether <see cref="LocalSmtpInbox.Messages"/> keeps what arrives; the dev inbox keeps it in its own bounded store instead.</summary>
    internal bool RetainMessages { get; set; } = true;

    /// <summary>Run with the exact bytes of every accepted message, after <see cref="BeforeStore"/>.</summary>
    internal Func<ReceivedEmail, ReadOnlyMemory<byte>, CancellationToken, Task>? Received { get; set; }

    /// <summary>Decides <c>AUTH</c> when no <see cref="Username"/> is set: the dev inbox accepts any credentials, as a catcher should.</summary>
    internal SmtpServer.Authentication.IUserAuthenticator? Authenticator { get; set; }

    /// <summary>With <see cref="Authenticator"/>: whether a session must authenticate before <c>MAIL FROM</c>.</summary>
    internal bool AuthenticationRequired { get; set; }

    /// <summary>Lets the dev command bind a non-loopback address when the user asks for it explicitly.</summary>
    internal bool AllowNonLoopback { get; set; }
}
