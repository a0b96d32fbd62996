using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mailing.DevInbox;

/// <summary>Makes self-signed certificates for a local inbox, in memory, never touching a certificate store.</summary>
/// <remarks>
/// A client must be told to trust the certificate explicitly (for Mailing's SMTP transport:
/// <c>SmtpOptions.TrustedCertificates</c>); certificate validation is never switched off.
/// </remarks>
public static class DevCertificate
{
    /// <summary>
    /// Creates a self-signed certificate for <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c>,
    /// valid from a day ago for <paramref name="validity"/> (one year by default), with its private key.
    /// </summary>
    /// <param name="validity">How long the certificate stays valid.</param>
    /// <returns>A certificate usable as a TLS server certificate; dispose it when done.</returns>
    public static X509Certificate2 CreateLocalhost(TimeSpan? validity = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        // A self-signed server certificate is its own trust anchor, so it must be allowed to act as a CA for chain building.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        using var ephemeral = request.CreateSelfSigned(notBefore, notBefore + (validity ?? TimeSpan.FromDays(365)));

        // SslStream on Linux and Windows needs a key it can export to the platform TLS stack; an ephemeral
        // in-memory key is not always usable there, so round-trip through PKCS#12 to get a persisted one.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>Returns only the public part of <paramref name="certificate"/>: what a client should trust.</summary>
    /// <param name="certificate">A certificate, usually with its private key.</param>
    /// <returns>A certificate without the private key.</returns>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return X509CertificateLoader.LoadCertificate(certificate.RawData);
    }
}
