namespace Mailing;

/// <summary>The DNS TXT record that publishes a configured DKIM key's public half, so receivers can verify its signatures.</summary>
/// <param name="Name">Where to publish it: <c>{selector}._domainkey.{domain}</c>.</param>
/// <param name="Value">The record's text, e.g. <c>v=DKIM1; k=rsa; p=MIIBIjANBgkq...</c>.</param>
/// <remarks>
/// A 2048-bit RSA record is longer than the 255 characters one DNS string holds; most DNS providers split it for you,
/// others want it entered as several quoted strings, which receivers join.
/// </remarks>
public sealed record DkimDnsRecord(string Name, string Value);
