using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace Mailing;

/// <summary>
/// Reads configured DKIM keys from PEM and checks them: the right kind (RSA of 2048 bits or more, or Ed25519), readable,
/// unencrypted, private. Every problem names the key by its configuration path, selector and domain, never by content.
/// </summary>
internal static class DkimKeyLoader
{
    /// <summary>RFC 8301 §3.2 requires verifiers to accept 1024 to 4096 bits and signers to use at least 1024; 2048 is today's floor.</summary>
    public const int MinimumRsaBits = 2048;

    private const string PemBegin = "-----BEGIN ";

    /// <summary>Reads every key of <paramref name="options"/>; problems go to <paramref name="problems"/>, with the fix.</summary>
    public static List<DkimKey> LoadAll(DkimOptions options, List<string> problems)
    {
        problems.AddRange(options.BindingErrors);
        if (options.Keys.Count == 0)
        {
            problems.Add($"{options.SectionPath} has no key: set {options.SectionPath}:Domain, Selector and PrivateKeyFile (or PrivateKey), or remove the section to send unsigned.");
        }

        var keys = new List<DkimKey>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var configured = options.Keys[i];
            var path = configured.Source ?? $"{options.SectionPath}:Keys:{i}";
            if (Load(configured, path, problems) is not { } key)
            {
                continue;
            }

            if (!seen.Add(key.DnsRecord.Name))
            {
                problems.Add($"{path}: the selector \"{key.Selector}\" of {key.Domain} is configured twice; a selector names one key, so give each key its own.");
                continue;
            }

            keys.Add(key);
        }

        return keys;
    }

    private static DkimKey? Load(DkimKeyOptions options, string path, List<string> problems)
    {
        var errors = problems.Count;
        var domain = Domain(options.Domain, path, problems);
        var selector = options.Selector;
        if (string.IsNullOrWhiteSpace(selector))
        {
            problems.Add($"{path}:Selector is missing: name the key's selector, e.g. \"mail2025\"; receivers fetch the public key from <selector>._domainkey.{domain ?? "<domain>"}.");
        }
        else if (!IsDnsLabelSequence(selector))
        {
            problems.Add($"{path}:Selector \"{selector}\" is not a DNS name: use letters, digits and hyphens, e.g. \"mail2025\".");
        }

        var name = $"{path} (selector \"{selector}\" for {domain ?? options.Domain})";
        var pem = ReadPem(options, path, name, problems);
        if (pem is null || problems.Count > errors)
        {
            return null;
        }

        return Parse(pem, domain!, selector!, name, problems);
    }

    private static string? Domain(string? configured, string path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            problems.Add($"{path}:Domain is missing: set the signing domain (d=), the domain of your From address, e.g. \"shop.example\".");
            return null;
        }

        try
        {
            var ascii = EmailAddressValidator.ToAsciiDomain(configured.Trim()).ToLowerInvariant();
            if (!ascii.Contains('.', StringComparison.Ordinal) || !IsDnsLabelSequence(ascii))
            {
                throw new ArgumentException(null, nameof(configured));
            }

            return ascii;
        }
        catch (ArgumentException)
        {
            problems.Add($"{path}:Domain \"{configured}\" is not a domain name: set the domain of your From address, e.g. \"shop.example\".");
            return null;
        }
    }

    private static string? ReadPem(DkimKeyOptions options, string path, string name, List<string> problems)
    {
        if (options.PrivateKey is not null && options.PrivateKeyFile is not null)
        {
            problems.Add($"{name} sets both PrivateKey and PrivateKeyFile: keep one.");
            return null;
        }

        if (options.PrivateKeyFile is { } file)
        {
            try
            {
                return File.ReadAllText(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problems.Add($"{path}:PrivateKeyFile \"{file}\" cannot be read ({exception.GetType().Name}): check the path (relative paths start at {Environment.CurrentDirectory}) and that the application may read it.");
                return null;
            }
        }

        if (options.PrivateKey is { } text)
        {
            // An environment variable often carries the PEM on one line with "\n" written out.
            return text.Contains('\n', StringComparison.Ordinal) ? text : text.Replace("\\n", "\n", StringComparison.Ordinal);
        }

        problems.Add($"{name} has no key: set PrivateKeyFile to a PEM file, or PrivateKey to the PEM text (from user secrets or an environment variable, never from appsettings.json).");
        return null;
    }

    private static DkimKey? Parse(string pem, string domain, string selector, string name, List<string> problems)
    {
        var label = PemLabel(pem);
        switch (label)
        {
            case null:
                problems.Add($"{name} is not a PEM key: expected text starting with -----BEGIN PRIVATE KEY-----. Generate one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem");
                return null;
            case "PUBLIC KEY" or "RSA PUBLIC KEY":
                problems.Add($"{name} is a public key: Mailing signs with the private key (-----BEGIN PRIVATE KEY-----); the public key goes in the DNS record.");
                return null;
            case "ENCRYPTED PRIVATE KEY":
                problems.Add($"{name} is encrypted with a passphrase: store it unencrypted in a secret store instead (openssl pkey -in encrypted.pem -out dkim.pem).");
                return null;
            case "EC PRIVATE KEY":
                problems.Add($"{name} is an EC (ECDSA) key, which DKIM does not use: generate an RSA key (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048) or an Ed25519 key (openssl genpkey -algorithm ed25519).");
                return null;
            case "PRIVATE KEY" or "RSA PRIVATE KEY":
                break;
            default:
                problems.Add($"{name} is a PEM \"{label}\", not a private key: expected -----BEGIN PRIVATE KEY----- (PKCS#8) or -----BEGIN RSA PRIVATE KEY-----; convert it with: openssl pkey -in key.pem -out dkim.pem");
                return null;
        }

        AsymmetricKeyParameter key;
        try
        {
            using var reader = new StringReader(pem);
            key = new PemReader(reader).ReadObject() switch
            {
                AsymmetricCipherKeyPair pair => pair.Private,
                AsymmetricKeyParameter parameter => parameter,
                _ => throw new FormatException(),
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The parser's message may quote the damaged text: name the key, not its bytes.
            problems.Add($"{name} cannot be read as a PEM private key (the base64 between the BEGIN and END lines is damaged or incomplete): copy the whole file again, or generate a new key.");
            return null;
        }

        var recordName = $"{selector}._domainkey.{domain}";
        switch (key)
        {
            case RsaPrivateCrtKeyParameters rsa when rsa.Modulus.BitLength < MinimumRsaBits:
                problems.Add($"{name} is a {rsa.Modulus.BitLength}-bit RSA key: receivers treat keys under {MinimumRsaBits} bits as weak, and some reject them. Generate a {MinimumRsaBits}-bit key (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:{MinimumRsaBits} -out dkim.pem), publish it under a new selector, then switch.");
                return null;
            case RsaPrivateCrtKeyParameters rsa:
                var publicInfo = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent));
                return new DkimKey(domain, selector, rsa, DkimSignatureAlgorithm.RsaSha256, $"a {rsa.Modulus.BitLength}-bit RSA key",
                    new DkimDnsRecord(recordName, "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(publicInfo.GetDerEncoded())),
                    PlatformRsa(pem));
            case Ed25519PrivateKeyParameters ed25519:
                // RFC 8463 §4.2: p= is the raw 32-byte public key, not a SubjectPublicKeyInfo.
                return new DkimKey(domain, selector, ed25519, DkimSignatureAlgorithm.Ed25519Sha256, "an Ed25519 key",
                    new DkimDnsRecord(recordName, "v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(ed25519.GeneratePublicKey().GetEncoded())));
            default:
                problems.Add($"{name} is a {(key.IsPrivate ? "private" : "public")} {key.GetType().Name.Replace("PrivateKeyParameters", "", StringComparison.Ordinal).Replace("KeyParameters", "", StringComparison.Ordinal)} key; DKIM signs with RSA (rsa-sha256, 2048 bits or more) or Ed25519 (ed25519-sha256).");
                return null;
        }
    }

    /// <summary>The key in .NET's RSA, or <see langword="null"/> (MimeKit's managed RSA then signs) where the platform cannot read it.</summary>
    private static System.Security.Cryptography.RSA? PlatformRsa(string pem)
    {
        var rsa = System.Security.Cryptography.RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            return null;
        }
    }

    private static string? PemLabel(string pem)
    {
        var begin = pem.IndexOf(PemBegin, StringComparison.Ordinal);
        if (begin < 0)
        {
            return null;
        }

        var end = pem.IndexOf("-----", begin + PemBegin.Length, StringComparison.Ordinal);
        return end < 0 ? null : pem[(begin + PemBegin.Length)..end];
    }

    private static bool IsDnsLabelSequence(string name) =>
        name.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && label[0] != '-' && label[^1] != '-');
}
