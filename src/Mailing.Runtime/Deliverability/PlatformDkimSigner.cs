using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailing;

/// <summary>
/// MimeKit's DKIM signer, which canonicalizes, hashes and assembles the signature, with two things taken from the
/// platform: the signature time (<c>t=</c>) from a <see cref="TimeProvider"/>, like every clock in Mailing, and the RSA
/// operation from .NET's own RSA (OpenSSL, CNG), several times faster than the managed implementation MimeKit uses.
/// </summary>
internal sealed class PlatformDkimSigner : DkimSigner
{
    private readonly DkimKey _key;
    private readonly TimeProvider _time;

    public PlatformDkimSigner(DkimKey key, TimeProvider time)
        : base(key.PrivateKey, key.Domain, key.Selector, key.Algorithm)
    {
        _key = key;
        _time = time;
        HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
    }

    protected override long GetTimestamp() => _time.GetUtcNow().ToUnixTimeSeconds();

    protected override ISigner CreateSigningContext() =>
        _key.PlatformRsa is { } rsa ? new PlatformRsaSha256Signer(rsa) : base.CreateSigningContext();
}
