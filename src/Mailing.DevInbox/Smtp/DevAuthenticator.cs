using System.Security.Cryptography;
using System.Text;
using SmtpServer;
using SmtpServer.Authentication;

namespace Mailing.DevInbox.Smtp;

/// <summary>Accepts any credentials, or only the configured pair to mimic production; chaos can fail it.</summary>
internal sealed class DevAuthenticator(string? username, string? password, ChaosMode chaos) : UserAuthenticator
{
    public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password1, CancellationToken cancellationToken)
    {
        chaos.Strike(ChaosStep.Auth);
        if (username is null || password is null)
        {
            return Task.FromResult(true);
        }

        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user ?? ""), Encoding.UTF8.GetBytes(username));
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password1 ?? ""), Encoding.UTF8.GetBytes(password));
        return Task.FromResult(userMatches & passwordMatches);
    }
}
