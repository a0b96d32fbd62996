using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Mailing.Benchmarks.Rendering;
using Mailing.Transports.Local;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Mailing.Benchmarks.Messages;

/// <summary>
/// What DKIM signing adds to building the MIME of the rendered receipt: the same <see cref="InMemoryTransport"/> path
/// as <see cref="MimeBuildingBenchmarks"/>, unsigned and signed with an RSA-2048 key, an Ed25519 key, and both; and the
/// same message signed by MimeKit's <see cref="DkimSigner"/> as shipped (its managed RSA), which Mailing's RSA row
/// replaces with .NET's RSA.
/// </summary>
[MemoryDiagnoser]
public class DkimSigningBenchmarks
{
    private readonly InMemoryTransport unsigned = new();
    private InMemoryTransport rsa = null!;
    private InMemoryTransport ed25519 = null!;
    private InMemoryTransport both = null!;
    private EmailMessage message = null!;
    private Dictionary<string, string> records = null!;
    private DkimSigner mimeKitSigner = null!;

    [GlobalSetup]
    public async Task CheckEverySignatureVerifies()
    {
        message = ReceiptData.Message();

        using var rsaKey = RSA.Create(2048);
        var rsaOptions = Key("rsa2048", rsaKey.ExportPkcs8PrivateKeyPem());
        var edOptions = Key("ed25519", Ed25519Pem());
        rsa = Transport(rsaOptions);
        ed25519 = Transport(edOptions);
        both = Transport(rsaOptions, edOptions);
        records = new DkimMessageSigner(new DkimOptions { Keys = { rsaOptions, edOptions } }).DnsRecords.ToDictionary(r => r.Name, r => r.Value);
        mimeKitSigner = new DkimSigner(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(rsaOptions.PrivateKey!)), "acme.example", "rsa2048")
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        using (var byHand = new MemoryStream(MimeKitSignerAsShipped()))
        {
            var signed = MimeMessage.Load(byHand);
            if (!new DkimVerifier(new Records(records)).Verify(signed, signed.Headers.First(h => h.Id == HeaderId.DkimSignature)))
            {
                throw new InvalidOperationException("MimeKit's own signature does not verify: nothing to compare with.");
            }
        }

        foreach (var (transport, signatures) in new[] { (rsa, 1), (ed25519, 1), (both, 2) })
        {
            await transport.SendAsync(message);
            var signed = transport.Sent[0].ToMimeMessage();
            transport.Clear();
            var verifier = new DkimVerifier(new Records(records));
            var headers = signed.Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList();
            if (headers.Count != signatures || !headers.All(h => verifier.Verify(signed, h)))
            {
                throw new InvalidOperationException("A signature does not verify: nothing to measure.");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Unsigned (InMemoryTransport)")]
    public Task Unsigned() => SendAsync(unsigned);

    [Benchmark(Description = "DKIM rsa-sha256, 2048-bit key")]
    public Task Rsa() => SendAsync(rsa);

    [Benchmark(Description = "DKIM ed25519-sha256")]
    public Task Ed25519() => SendAsync(ed25519);

    [Benchmark(Description = "DKIM RSA and Ed25519 (two signatures)")]
    public Task Both() => SendAsync(both);

    [Benchmark(Description = "MimeKit DkimSigner as shipped, rsa-sha256 (managed RSA)")]
    public byte[] MimeKitSignerAsShipped()
    {
        using var mime = message.ToMimeMessage();
        mime.Prepare(EncodingConstraint.SevenBit, 78);
        mimeKitSigner.Sign(mime, ["From", "From", "To", "Subject", "Date", "Message-Id", "MIME-Version", "Content-Type"]);
        using var bytes = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        mime.WriteTo(format, bytes);
        return bytes.ToArray();
    }

    private async Task SendAsync(InMemoryTransport transport)
    {
        await transport.SendAsync(message);
        transport.Clear();
    }

    private static DkimKeyOptions Key(string selector, string pem) => new() { Domain = "acme.example", Selector = selector, PrivateKey = pem };

    private static InMemoryTransport Transport(params DkimKeyOptions[] keys)
    {
        var options = new DkimOptions();
        foreach (var key in keys)
        {
            options.Keys.Add(key);
        }

        return new InMemoryTransport { Dkim = new DkimMessageSigner(options) };
    }

    private static string Ed25519Pem()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(generator.GenerateKeyPair().Private).GetDerEncoded();
        return new string(PemEncoding.Write("PRIVATE KEY", der));
    }

    private sealed class Records(Dictionary<string, string> records) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey(records[$"{selector}._domainkey.{domain}"]);

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
