namespace Mailing.Transports.Smtp;

/// <summary>The TLS handshake failed; whether the server presented a certificate tells a refused certificate from a mode mismatch.</summary>
/// <remarks>
/// Without a certificate the handshake never got that far: most often implicit TLS against a server that greets in plain
/// text (or the reverse), which the hint explains by port.
/// </remarks>
internal sealed class SmtpTlsException(bool certificatePresented, Exception inner)
    : Exception($"The TLS handshake failed: {inner.Message}", inner)
{
    public bool CertificatePresented { get; } = certificatePresented;
}
