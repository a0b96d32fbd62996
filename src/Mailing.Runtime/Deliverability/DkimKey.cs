using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailing;

/// <summary>A configured DKIM key after it was read and checked: ready to sign, with the record that publishes it.</summary>
internal sealed class DkimKey
{
    public DkimKey(string domain, string selector, AsymmetricKeyParameter privateKey, DkimSignatureAlgorithm algorithm, string description, DkimDnsRecord dnsRecord, RSA? platformRsa = null)
    {
        PlatformRsa = platformRsa;
        Domain = domain;
        Selector = selector;
        PrivateKey = privateKey;
        Algorithm = algorithm;
        Description = description;
        DnsRecord = dnsRecord;
    }

    /// <summary>The signing domain in ASCII (punycode), lower case.</summary>
    public string Domain { get; }

    public string Selector { get; }

    public AsymmetricKeyParameter PrivateKey { get; }

    public DkimSignatureAlgorithm Algorithm { get; }

    /// <summary>What the key is, for messages: <c>a 2048-bit RSA key</c>, <c>an Ed25519 key</c>.</summary>
    public string Description { get; }

    public DkimDnsRecord DnsRecord { get; }

    /// <summary>The same RSA key loaded into .NET's RSA, which signs faster than the managed one; <see langword="null"/> for Ed25519.</summary>
    public RSA? PlatformRsa { get; }

    public override string ToString() => DnsRecord.Name;
}
