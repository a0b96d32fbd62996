using System.Buffers.Text;

namespace Mailing;

/// <summary>Multipart boundaries: <c>=-</c> and 128 random bits in base64, the shape MimeKit uses.</summary>
/// <remarks>
/// Random from a cryptographic source, so text an attacker puts into a 7bit part cannot guess the boundary and smuggle in
/// a part of its own. <c>=-</c> cannot occur in quoted-printable or base64 content.
/// </remarks>
internal static class MimeBoundary
{
    public static string Create()
    {
        Span<byte> random = stackalloc byte[16];
        CryptoRandomBuffer.Fill(random);
        Span<byte> base64 = stackalloc byte[24];
        Base64.EncodeToUtf8(random, base64, out _, out _);
        Span<char> boundary = stackalloc char[2 + base64.Length];
        boundary[0] = '=';
        boundary[1] = '-';
        for (var i = 0; i < base64.Length; i++)
        {
            boundary[2 + i] = (char)base64[i];
        }

        return new string(boundary);
    }
}
