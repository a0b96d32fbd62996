using System.Net;
using System.Text;

namespace Mailing.Benchmarks.Http;

/// <summary>
/// A provider API that answers at once, in process: it reads the whole request body (so the request is really
/// built and serialized) and returns the provider's success response. No network, so only the client's work is measured.
/// </summary>
internal sealed class InstantApiHandler(HttpStatusCode status, string body, string? messageIdHeader = null) : HttpMessageHandler
{
    private readonly MemoryStream _sink = new();

    /// <summary>How many bytes the last request body had, to check every path sent the message.</summary>
    public long LastBodyLength { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sink.SetLength(0);
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(_sink, cancellationToken);
        }

        LastBodyLength = _sink.Length;
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
        if (messageIdHeader is not null)
        {
            response.Headers.TryAddWithoutValidation("X-Message-Id", messageIdHeader);
        }

        return response;
    }
}
