using System.Security.Cryptography.X509Certificates;
using Mailing.DevInbox;
using Mailing.Transports.Smtp;

using Mailing.TestServers;

namespace Mailing.Benchmarks.Sending;

/// <summary>The Mailing transport options the wire-speed suites use, and their delivery check.</summary>
internal static class WireSpeedTransport
{
    public static SmtpOptions Options(int port, int poolSize, X509Certificate2? certificate)
    {
        var options = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = certificate is null ? SmtpSecurity.None : SmtpSecurity.StartTls,
            PoolSize = poolSize,
            CheckCertificateRevocation = false,
        };
        if (certificate is not null)
        {
            options.TrustedCertificates.Add(DevCertificate.PublicPart(certificate));
        }

        return options;
    }

    public static void Require(InstantSmtpSink sink, long expected)
    {
        if (sink.MessagesAccepted != expected)
        {
            throw new InvalidOperationException($"The sink accepted {sink.MessagesAccepted} messages; expected {expected}.");
        }
    }
}
