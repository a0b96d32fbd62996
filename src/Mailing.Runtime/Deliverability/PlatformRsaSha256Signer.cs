using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailing;

/// <summary>
/// The <c>rsa-sha256</c> operation MimeKit's DKIM signer asks for (RFC 6376 §3.3.1: RSASSA-PKCS1-v1_5 over SHA-256),
/// done by .NET's RSA: SHA-256 of what MimeKit feeds in, signed with PKCS#1 v1.5 padding. One instance per signature.
/// </summary>
/// <remarks>
/// The <see cref="RSA"/> is shared by every signature of its key: .NET's RSA implementations allow concurrent signing
/// with one key (only importing, generating and disposing must not overlap), and the key is never changed after loading.
/// </remarks>
internal sealed class PlatformRsaSha256Signer(RSA rsa) : ISigner
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string AlgorithmName => "SHA-256withRSA";

    public void Init(bool forSigning, ICipherParameters parameters)
    {
        if (!forSigning)
        {
            throw new NotSupportedException("This signer only signs.");
        }
    }

    public int GetMaxSignatureSize() => (rsa.KeySize + 7) / 8;

    public void Update(byte input) => _hash.AppendData([input]);

    public void BlockUpdate(byte[] input, int inOff, int inLen) => _hash.AppendData(input, inOff, inLen);

    public void BlockUpdate(ReadOnlySpan<byte> input) => _hash.AppendData(input);

    public byte[] GenerateSignature()
    {
        using (_hash)
        {
            return rsa.SignHash(_hash.GetHashAndReset(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    public bool VerifySignature(byte[] signature) => throw new NotSupportedException("This signer only signs.");

    public void Reset() => _hash.GetHashAndReset();
}
