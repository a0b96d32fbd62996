using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailing.Runtime.Tests.Deliverability.Fixtures;

/// <summary>MimeKit's <see cref="DkimVerifier"/>, with public keys parsed from the TXT records a test publishes.</summary>
internal static class MimeKitDkim
{
    /// <summary>Verifies every DKIM-Signature of the message as parsed from <paramref name="message"/>; one result per signature, top first.</summary>
    public static async Task<bool[]> VerifyAsync(byte[] message, IReadOnlyDictionary<string, string> dns)
    {
        using var stream = new MemoryStream(message);
        var parsed = await MimeMessage.LoadAsync(stream);
        var verifier = new DkimVerifier(new RecordLocator(dns));
        var results = new List<bool>();
        foreach (var header in parsed.Headers.Where(h => h.Id == HeaderId.DkimSignature))
        {
            results.Add(await verifier.VerifyAsync(parsed, header));
        }

        return results.ToArray();
    }

    private sealed class RecordLocator(IReadOnlyDictionary<string, string> dns) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey(dns[$"{selector}._domainkey.{domain}"]);

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
