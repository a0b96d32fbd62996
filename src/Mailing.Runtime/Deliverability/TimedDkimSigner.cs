using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailing;

/// <summary>MimeKit's DKIM signer with the signature time (<c>t=</c>) read from a <see cref="TimeProvider"/>, like every other clock in Mailing.</summary>
internal sealed class TimedDkimSigner : DkimSigner
{
    private readonly TimeProvider _time;

    public TimedDkimSigner(DkimKey key, TimeProvider time)
        : base(key.PrivateKey, key.Domain, key.Selector, key.Algorithm)
    {
        _time = time;
        HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
    }

    protected override long GetTimestamp() => _time.GetUtcNow().ToUnixTimeSeconds();
}
