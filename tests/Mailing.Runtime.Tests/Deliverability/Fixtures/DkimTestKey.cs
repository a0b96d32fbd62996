using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Mailing.Runtime.Tests.Deliverability.Fixtures;

/// <summary>
/// A DKIM key made for the test run, with the DNS TXT record a receiver would fetch, derived independently of Mailing
/// (.NET's RSA for RSA keys, BouncyCastle's generator for Ed25519), so a wrong record or signature in Mailing cannot agree with itself.
/// </summary>
internal sealed record DkimTestKey(string Domain, string Selector, string PrivateKeyPem, string TxtRecord)
{
    private static readonly Lazy<string> s_rsa2048 = new(() => RsaPem(2048));
    private static readonly Lazy<string> s_rsa1024 = new(() => RsaPem(1024));
    private static readonly Lazy<(string Pem, string Txt)> s_ed25519 = new(Ed25519);

    public string RecordName => $"{Selector}._domainkey.{Domain}";

    public static DkimTestKey Rsa(string domain = "shop.example", string selector = "rsa2025") => new(domain, selector, s_rsa2048.Value, RsaRecord(s_rsa2048.Value));

    public static DkimTestKey WeakRsa(string domain = "shop.example", string selector = "old2010") => new(domain, selector, s_rsa1024.Value, RsaRecord(s_rsa1024.Value));

    public static DkimTestKey Ed25519Key(string domain = "shop.example", string selector = "ed2025") => new(domain, selector, s_ed25519.Value.Pem, s_ed25519.Value.Txt);

    public DkimKeyOptions Options() => new() { Domain = Domain, Selector = Selector, PrivateKey = PrivateKeyPem };

    public static DkimMessageSigner Signer(TimeProvider? time, params DkimTestKey[] keys)
    {
        var options = new DkimOptions();
        foreach (var key in keys)
        {
            options.Keys.Add(key.Options());
        }

        return new DkimMessageSigner(options, time);
    }

    /// <summary>What a receiver's DNS answers, by record name.</summary>
    public static IReadOnlyDictionary<string, string> Dns(params DkimTestKey[] keys) => keys.ToDictionary(k => k.RecordName, k => k.TxtRecord);

    private static string RsaPem(int bits)
    {
        using var rsa = RSA.Create(bits);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static string RsaRecord(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    private static (string Pem, string Txt) Ed25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetDerEncoded();
        var pem = new string(PemEncoding.Write("PRIVATE KEY", pkcs8)) + "\n";
        return (pem, "v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(((Ed25519PublicKeyParameters)pair.Public).GetEncoded()));
    }
}
