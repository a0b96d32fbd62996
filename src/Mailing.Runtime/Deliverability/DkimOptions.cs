namespace Mailing;

/// <summary>
/// DKIM signing (RFC 6376) of mail sent over SMTP, into a pickup directory or into memory: <c>Mailing:Dkim</c>.
/// </summary>
/// <remarks>
/// <para>
/// One domain: <c>Mailing:Dkim:Domain</c>, <c>Selector</c> and <c>PrivateKeyFile</c> (or <c>PrivateKey</c>). More keys,
/// for other sender domains or a second algorithm for the same domain (RSA and Ed25519 side by side), go in
/// <c>Mailing:Dkim:Keys:0</c>, <c>Keys:1</c>, ... with the same four settings. Each message is signed with every key
/// whose domain aligns with its From domain (the same domain, else the closest parent or subdomain); a message whose
/// From matches no key is sent unsigned with a warning in the log.
/// </para>
/// <para>
/// Keys are read and checked when the application starts: a missing or unreadable key, an RSA key under 2048 bits, or
/// no key for the domain of <c>Mailing:From</c> stops it with a message naming the key. The HTTP providers (SendGrid,
/// Postmark, Mailgun, Resend) sign with the domain you verify in their dashboards; these keys are not used for them.
/// </para>
/// </remarks>
public sealed class DkimOptions
{
    /// <summary>The signing keys, in the order signatures are added.</summary>
    public IList<DkimKeyOptions> Keys { get; } = new List<DkimKeyOptions>();

    /// <summary>Problems found while reading configuration, reported by start-up validation.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>The section settings were read from (<c>Mailing:Dkim</c>), to name keys in messages.</summary>
    internal string SectionPath { get; set; } = "Mailing:Dkim";
}
