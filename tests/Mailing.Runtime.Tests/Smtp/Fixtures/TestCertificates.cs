using System.Security.Cryptography.X509Certificates;
using Mailing.DevInbox;

namespace Mailing.Tests.Smtp.Fixtures;

/// <summary>One self-signed localhost certificate for the whole test run (the server side), and its public part (what clients trust).</summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> s_server = new(() => DevCertificate.CreateLocalhost());

    public static X509Certificate2 Server => s_server.Value;

    public static X509Certificate2 PublicPart => DevCertificate.PublicPart(Server);
}
