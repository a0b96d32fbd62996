using System.Security.Cryptography;
using System.Text;
using SmtpServer;
using SmtpServer.Authentication;

namespace Mailing.DevInbox;

/// <summary>Accepts exactly one user name and password pair.</summary>
internal sealed class InboxUserAuthenticator(string username, string password) : UserAuthenticator
{
    public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password1, CancellationToken cancellationToken)
    {
        // Both comparisons always run, in constant time, so a wrong user name is not distinguishable by timing.
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user ?? ""), Encoding.UTF8.GetBytes(username));
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password1 ?? ""), Encoding.UTF8.GetBytes(password));
        return Task.FromResult(userMatches & passwordMatches);
    }
}
