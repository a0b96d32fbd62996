using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Mailing.AspNetCore.Tests.Unsubscribe.Fixtures;

/// <summary>
/// An HTTP client like a mailbox provider's: no cookies, no redirects followed, and TLS verified against the test's own
/// certificate as the only trusted root (the host name is still checked).
/// </summary>
internal static class TrustingHttpClient
{
    public static HttpClient For(X509Certificate2 trusted) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(trusted, certificate, errors),
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static bool Validate(X509Certificate2 trusted, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
