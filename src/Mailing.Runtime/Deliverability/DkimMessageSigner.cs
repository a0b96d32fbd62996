using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using MimeKit.Cryptography;

namespace Mailing;

/// <summary>
/// Signs outgoing MIME with DKIM (RFC 6376) through MimeKit's <see cref="DkimSigner"/>: relaxed/relaxed
/// canonicalization, <c>rsa-sha256</c> or <c>ed25519-sha256</c> (RFC 8463), the key chosen by the From domain.
/// </summary>
/// <remarks>
/// <para>
/// The SMTP, pickup-directory and in-memory transports call <see cref="Sign"/> on the MIME they built, when
/// <c>Mailing:Dkim</c> is configured (or <see cref="MailingBuilder"/>'s <c>UseDkim</c> was called); set a transport's
/// <c>Dkim</c> property to sign with a transport created by hand. The HTTP providers build their own MIME and sign it
/// with the domain verified in their dashboards.
/// </para>
/// <para>
/// Signed: From (twice, so a second From added on the way breaks the signature), To, Cc, Subject, Date, Message-Id,
/// MIME-Version, Content-Type, List-Unsubscribe and List-Unsubscribe-Post, those of them the message has. Before
/// signing, every part is brought to a 7-bit transfer encoding (quoted-printable or base64), so no server on the way
/// needs to re-encode, and no transport may change the message afterwards.
/// </para>
/// </remarks>
public sealed class DkimMessageSigner : IMimeMessageTransform
{
    // RFC 5322 §2.1.1: the line length MimeKit folds and encodes to.
    private const int MaxLineLength = 78;

    // An application sends from a handful of domains; the cap only bounds a caller that signs for ever-new ones.
    private const int MaxRememberedFromDomains = 1024;

    private static readonly string[] SignedHeaders =
    [
        "From", "To", "Cc", "Subject", "Date", "Message-Id", "MIME-Version", "Content-Type",
        UnsubscribeHeaders.ListUnsubscribe, UnsubscribeHeaders.ListUnsubscribePost,
    ];

    // The options every transport writes with: CRLF (MimeKit's signer sets it), 7-bit headers (International off).
    private static readonly FormatOptions SigningFormat = FormatOptions.Default.Clone();

    private readonly IReadOnlyList<(DkimKey Key, DkimSigner Signer)> _keys;
    private readonly ConcurrentDictionary<string, DkimSigner[]> _signersByFromDomain = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Reads and checks every key of <paramref name="options"/>.</summary>
    /// <param name="options">The keys; see <see cref="DkimOptions"/>.</param>
    /// <param name="timeProvider">The clock for the signature time (<c>t=</c>); the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Logs the keys in use at creation and messages sent unsigned; nothing when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A key is missing, unreadable, weak or of a kind DKIM does not use; the message names every such key and the fix, never the key's content.</exception>
    public DkimMessageSigner(DkimOptions options, TimeProvider? timeProvider = null, ILogger<DkimMessageSigner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var keys = DkimKeyLoader.LoadAll(options, problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException("DKIM cannot sign with the configured keys:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(options));
        }

        var time = timeProvider ?? TimeProvider.System;
        _keys = keys.Select(key => (key, (DkimSigner)new PlatformDkimSigner(key, time))).ToArray();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        DnsRecords = keys.Select(key => key.DnsRecord).ToArray();
        foreach (var key in keys)
        {
            DkimLog.KeyLoaded(_logger, key.Domain, key.Selector, key.Description, key.DnsRecord.Name);
        }
    }

    /// <summary>The DNS TXT record each configured key needs, in configuration order: publish these before signing with a key.</summary>
    public IReadOnlyList<DkimDnsRecord> DnsRecords { get; }

    // The transports' one seam for work on the MimeKit form of a message: a signer is the transform they are given.
    void IMimeMessageTransform.Apply(MimeMessage mime, EmailMessage message) => Sign(mime);

    /// <summary>
    /// Adds a <c>DKIM-Signature</c> for each key whose domain aligns with the message's From domain: those of the
    /// same domain, else of the closest parent domain, else of a subdomain (DMARC's relaxed alignment).
    /// </summary>
    /// <param name="message">The complete message: every header it will be sent with is already set.</param>
    /// <returns>Whether the message was signed; <see langword="false"/> (and a warning logged) when no key aligns with its From domain.</returns>
    /// <remarks>
    /// Call it last: the message must not change afterwards, and must be written with CRLF line breaks and without
    /// <see cref="FormatOptions.International"/>, as every Mailing transport writes it. Parts in 8bit or binary are
    /// re-encoded as quoted-printable or base64 first.
    /// </remarks>
    /// <exception cref="ArgumentException">The message has no From address.</exception>
    public bool Sign(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = message.From.Mailboxes.FirstOrDefault()
            ?? throw new ArgumentException("The message has no From address, which DKIM signs and aligns with; set one before signing.", nameof(message));
        var fromDomain = AsciiDomain(from.Domain);
        var signers = SignersFor(fromDomain);
        if (signers.Length == 0)
        {
            DkimLog.NoKeyForDomain(_logger, fromDomain, message.MessageId);
            return false;
        }

        // The transfer encoding is chosen now, not by whichever transport or server comes later: re-encoding a part
        // after signing would change the body the signature hashes.
        message.Prepare(EncodingConstraint.SevenBit, MaxLineLength);

        var headers = new List<string>(SignedHeaders.Length + 1) { "From" };
        foreach (var name in SignedHeaders)
        {
            if (IsPresent(message, name))
            {
                headers.Add(name);
            }
        }

        foreach (var signer in signers)
        {
            signer.Sign(SigningFormat, message, headers);
        }

        return true;
    }

    /// <summary>Whether a key for <paramref name="keyDomain"/> aligns with mail from <paramref name="fromDomain"/>: one is the other or a subdomain of it.</summary>
    internal static bool Aligns(string keyDomain, string fromDomain) =>
        string.Equals(keyDomain, fromDomain, StringComparison.OrdinalIgnoreCase)
        || fromDomain.EndsWith("." + keyDomain, StringComparison.OrdinalIgnoreCase)
        || keyDomain.EndsWith("." + fromDomain, StringComparison.OrdinalIgnoreCase);

    internal static string AsciiDomain(string domain)
    {
        try
        {
            return EmailAddressValidator.ToAsciiDomain(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return domain.ToLowerInvariant();
        }
    }

    private DkimSigner[] SignersFor(string fromDomain)
    {
        if (_signersByFromDomain.TryGetValue(fromDomain, out var signers))
        {
            return signers;
        }

        signers = ChooseSigners(fromDomain);
        if (_signersByFromDomain.Count < MaxRememberedFromDomains)
        {
            _signersByFromDomain.TryAdd(fromDomain, signers);
        }

        return signers;
    }

    private DkimSigner[] ChooseSigners(string fromDomain)
    {
        // The same domain first; else the closest parent (news.shop.example mail, shop.example key); else a subdomain key.
        var aligned = _keys.Where(k => Aligns(k.Key.Domain, fromDomain)).ToList();
        if (aligned.Count == 0)
        {
            return [];
        }

        var best = aligned
            .OrderByDescending(k => string.Equals(k.Key.Domain, fromDomain, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(k => fromDomain.EndsWith("." + k.Key.Domain, StringComparison.OrdinalIgnoreCase) ? k.Key.Domain.Length : -k.Key.Domain.Length)
            .First().Key.Domain;
        return aligned.Where(k => k.Key.Domain == best).Select(k => k.Signer).ToArray();
    }

    private static bool IsPresent(MimeMessage message, string name) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            ? message.Body?.Headers.Contains(name) == true
            : message.Headers.Contains(name);
}
