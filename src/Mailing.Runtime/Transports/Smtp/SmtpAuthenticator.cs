using System.Net;
using MailKit.Security;

namespace Mailing.Transports.Smtp;

/// <summary>
/// AUTH (RFC 4954) with MailKit's SASL mechanisms, which do the computations (SCRAM, NTLM, CRAM-MD5, PLAIN, LOGIN, XOAUTH2,
/// OAUTHBEARER): the strongest the server offers first, as MailKit's own client ranks them.
/// </summary>
/// <remarks>
/// A refusal of the credentials (535) ends it: trying a weaker mechanism with the same password would only count as a
/// second failed login. Only a mechanism the server will not use (504, 534) makes way for the next one.
/// </remarks>
internal static class SmtpAuthenticator
{
    // Channel-binding (-PLUS) variants need the TLS channel's binding, which only MailKit's own stream provides.
    private static readonly string[] Ranked = ["SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "NTLM", "CRAM-MD5", "PLAIN", "LOGIN"];

    private const int MechanismUnrecognized = 504;

    /// <exception cref="SmtpExtensionMissingException">Credentials are configured but the server offers no AUTH, or no mechanism Mailing can use.</exception>
    /// <exception cref="SmtpReplyException">The server refused the credentials (<see cref="SmtpCommand.Auth"/>).</exception>
    public static async ValueTask AuthenticateAsync(SmtpSession session, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (options.Username is null)
        {
            return;
        }

        var offered = session.Capabilities.AuthenticationMechanisms;
        if (offered.Count == 0)
        {
            throw new SmtpExtensionMissingException(SmtpExtension.Authentication, "The server does not offer AUTH.");
        }

        if (options.AccessTokenProvider is { } tokens)
        {
            var token = await tokens(cancellationToken).ConfigureAwait(false);
            SaslMechanism bearer = offered.Contains("OAUTHBEARER") && !offered.Contains("XOAUTH2")
                ? new SaslMechanismOAuthBearer(options.Username, token)
                : new SaslMechanismOAuth2(options.Username, token);
            ThrowIfRefused(await session.AuthenticateAsync(bearer, cancellationToken).ConfigureAwait(false));
            return;
        }

        var credential = new NetworkCredential(options.Username, options.Password ?? "");
        SmtpReply? declined = null;
        foreach (var name in Ranked)
        {
            if (!offered.Contains(name) || SaslMechanism.Create(name, credential) is not { } mechanism)
            {
                continue;
            }

            var reply = await session.AuthenticateAsync(mechanism, cancellationToken).ConfigureAwait(false);
            if (reply.Code is MechanismUnrecognized or SmtpReplyCode.AuthenticationMechanismTooWeak)
            {
                declined = reply;
                continue;
            }

            ThrowIfRefused(reply);
            return;
        }

        if (declined is { } last)
        {
            throw new SmtpReplyException(SmtpCommand.Auth, last);
        }

        throw new SmtpExtensionMissingException(SmtpExtension.Authentication,
            $"The server offers AUTH {string.Join(" ", offered)}, none of which Mailing can use with a user name and password.");
    }

    private static void ThrowIfRefused(SmtpReply reply)
    {
        if (reply.Code != 235)
        {
            throw new SmtpReplyException(SmtpCommand.Auth, reply);
        }
    }
}
