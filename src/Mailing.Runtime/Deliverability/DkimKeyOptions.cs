namespace Mailing;

/// <summary>One DKIM signing key: the domain it signs for (<c>d=</c>), its selector (<c>s=</c>) and the PEM private key.</summary>
/// <remarks>
/// <para>
/// Give the key as <see cref="PrivateKeyFile"/> (a path to a PEM file, e.g. a mounted secret) or as <see cref="PrivateKey"/>
/// (the PEM text, from user secrets or an environment variable; <c>\n</c> written as two characters is read as a line
/// break), not both. RSA keys of 2048 bits or more sign with <c>rsa-sha256</c>, Ed25519 keys with
/// <c>ed25519-sha256</c> (RFC 8463); weaker RSA keys, encrypted keys and other key types stop the application at
/// start-up with a message naming this key.
/// </para>
/// <para>The key never appears in logs, exceptions or <see cref="ToString"/>.</para>
/// </remarks>
public sealed class DkimKeyOptions
{
    /// <summary>The signing domain (<c>d=</c>), e.g. <c>shop.example</c>: the From domain or its parent, so DMARC aligns.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (<c>s=</c>), e.g. <c>mail2025</c>: the public key is published at <c>{Selector}._domainkey.{Domain}</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>The PEM private key text (<c>-----BEGIN PRIVATE KEY-----</c> or <c>-----BEGIN RSA PRIVATE KEY-----</c>).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The path of a PEM file holding the private key.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Where the key was configured (<c>Mailing:Dkim</c>, <c>Mailing:Dkim:Keys:1</c>), for messages that name it.</summary>
    internal string? Source { get; set; }

    /// <summary>Names the key by its DNS name, never by its content.</summary>
    /// <returns><c>{Selector}._domainkey.{Domain}</c>.</returns>
    public override string ToString() => $"{Selector}._domainkey.{Domain}";
}
