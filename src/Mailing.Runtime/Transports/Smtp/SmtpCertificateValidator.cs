using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Mailing.Transports.Smtp;

/// <summary>
/// Validates the server certificate against the system roots plus <see cref="SmtpOptions.TrustedCertificates"/>.
/// </summary>
/// <remarks>
/// Only a chain error is reconsidered, by rebuilding the chain with the configured certificates as extra
/// roots; a host-name mismatch or a missing certificate always fails. This is how a test certificate is
/// trusted without turning validation off.
/// </remarks>
internal sealed class SmtpCertificateValidator(X509Certificate2Collection trustedRoots, bool checkRevocation)
{
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null || trustedRoots.Count == 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        custom.ChainPolicy.RevocationMode = checkRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // Intermediates the server sent are candidates for the path; they are not trusted by being here.
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var copy = certificate as X509Certificate2 is null ? new X509Certificate2(certificate) : null;
        var leaf = certificate as X509Certificate2 ?? copy!;
        return custom.Build(leaf);
    }
}
