using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Mailing;

/// <summary>
/// Makes and reads the token in an unsubscribe link with ASP.NET Core Data Protection: the recipient, the list, a random
/// id and the issue and expiry times, encrypted and authenticated, so a link can be neither forged, altered nor guessed
/// from an address, and reveals nothing to whoever sees it.
/// </summary>
/// <remarks>
/// Expiry is checked here against <see cref="TimeProvider"/> rather than by Data Protection's time-limited protector,
/// whose clock is the system's.
/// </remarks>
internal sealed class UnsubscribeTokens
{
    // Changing the payload means a new purpose: old links then fail as invalid rather than being misread.
    private const string Purpose = "Mailing.Unsubscribe.v1";
    private const byte Version = 1;
    private const int IdBytes = 16;

    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;

    public UnsubscribeTokens(IDataProtectionProvider dataProtection, TimeProvider time)
    {
        _protector = dataProtection.CreateProtector(Purpose);
        _time = time;
    }

    public string Create(string recipient, string list, TimeSpan lifetime)
    {
        var issued = _time.GetUtcNow();
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(RandomNumberGenerator.GetBytes(IdBytes));
            writer.Write(issued.ToUnixTimeSeconds());
            writer.Write((issued + lifetime).ToUnixTimeSeconds());
            writer.Write(list);
            writer.Write(recipient);
        }

        return WebEncoders.Base64UrlEncode(_protector.Protect(payload.ToArray()));
    }

    public UnsubscribeTokenStatus TryRead(string? text, out UnsubscribeToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(text))
        {
            return UnsubscribeTokenStatus.Invalid;
        }

        try
        {
            var payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(text));
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return UnsubscribeTokenStatus.Invalid;
            }

            var id = Convert.ToHexString(reader.ReadBytes(IdBytes));
            var issued = DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64());
            var expires = DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64());
            var list = reader.ReadString();
            var recipient = reader.ReadString();
            token = new UnsubscribeToken(id, recipient, list, issued, expires);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or EndOfStreamException or IOException or ArgumentException)
        {
            return UnsubscribeTokenStatus.Invalid;
        }

        return _time.GetUtcNow() >= token!.ExpiresAt ? UnsubscribeTokenStatus.Expired : UnsubscribeTokenStatus.Valid;
    }
}
