using System.Net;
using System.Net.Sockets;

namespace Mailing.AspNetCore.Tests.Unsubscribe.Fixtures;

internal static class LoopbackPort
{
    /// <summary>
    /// A loopback port free a moment ago. The unsubscribe URL is configuration the app validates at start-up, so the
    /// port has to be known before Kestrel binds it.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
