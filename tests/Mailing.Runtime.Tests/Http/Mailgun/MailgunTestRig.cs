using System.Net;
using System.Net.Sockets;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Mailgun;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Mailing.Tests.Http.Mailgun;

/// <summary>What the Mailgun tests share: a transport pointed at a loopback server, a message, Mailgun's answers, and a form parser.</summary>
internal static class MailgunTestRig
{
    public const string ApiKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    public const string Domain = "mg.shop.example";

    // The success body from Mailgun's messages API reference.
    public const string SuccessBody = """{"id":"<20111114174239.25659.5817@samples.mailgun.org>","message":"Queued. Thank you."}""";

    public static HttpReply Success() => HttpReply.Json(200, SuccessBody);

    public static HttpReply Error(int status, string message) =>
        HttpReply.Json(status, $$"""{"message":"{{message}}"}""");

    public static MailgunOptions Options(Uri endpoint, Action<MailgunOptions>? configure = null)
    {
        var options = new MailgunOptions { ApiKey = ApiKey, Domain = Domain, Endpoint = endpoint };
        configure?.Invoke(options);
        return options;
    }

    public static MailgunTransport Transport(LoopbackHttpServer server, Action<MailgunOptions>? configure = null) =>
        new(Options(server.BaseAddress, configure), new HttpClient());

    public static EmailMessage Message(string to = "ann@example.com") => new()
    {
        From = "Shop <shop@mg.shop.example>",
        To = [to],
        Subject = "Your receipt",
        HtmlBody = "<p>Thanks!</p>",
        TextBody = "Thanks!",
    };

    /// <summary>Parses the request body as the server would: <c>multipart/form-data</c>, every part in order.</summary>
    public static async Task<IReadOnlyList<MailgunFormPart>> ParseFormAsync(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<MailgunFormPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = section.GetContentDispositionHeader()!;
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            parts.Add(new MailgunFormPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                body.ToArray()));
        }

        return parts;
    }

    /// <summary>A loopback address nothing listens on: a port that was free a moment ago.</summary>
    public static Uri UnusedEndpoint() => new($"http://127.0.0.1:{Smtp.Fixtures.SmtpTestRig.UnusedLoopbackPort()}/");

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
