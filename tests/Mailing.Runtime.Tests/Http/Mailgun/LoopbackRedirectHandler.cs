namespace Mailing.Tests.Http.Mailgun;

/// <summary>
/// Sends every request to the loopback server instead of the host it names, remembering that host: lets a test use the
/// provider's real default endpoints (region selection) while the bytes still go to a real server.
/// </summary>
internal sealed class LoopbackRedirectHandler(Uri loopback) : DelegatingHandler(new SocketsHttpHandler())
{
    public List<Uri> OriginalUris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OriginalUris.Add(request.RequestUri!);
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = loopback.Scheme, Host = loopback.Host, Port = loopback.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
