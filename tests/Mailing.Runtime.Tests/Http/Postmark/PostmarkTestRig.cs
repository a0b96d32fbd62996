using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Postmark;

namespace Mailing.Tests.Http.Postmark;

/// <summary>What the Postmark tests share: a transport pointed at a loopback server, a message, and Postmark's documented answers.</summary>
internal static class PostmarkTestRig
{
    public const string ServerToken = "pm-server-token-1234";

    // The success body from Postmark's Email API reference.
    public const string SuccessBody =
        """{"To":"receiver@example.com","SubmittedAt":"2014-02-17T07:25:01.4178645-05:00","MessageID":"0a129aee-e1cd-480d-b08d-4f48548ff48d","ErrorCode":0,"Message":"OK"}""";

    public const string SuccessMessageId = "0a129aee-e1cd-480d-b08d-4f48548ff48d";

    public static HttpReply Success() => HttpReply.Json(200, SuccessBody);

    // Written as Postmark writes it: quotes and apostrophes as they are, not \u0027.
    public static HttpReply Error(int status, int errorCode, string message) =>
        HttpReply.Json(status, JsonSerializer.Serialize(new { ErrorCode = errorCode, Message = message }, RelaxedJson));

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PostmarkOptions Options(Uri endpoint, Action<PostmarkOptions>? configure = null)
    {
        var options = new PostmarkOptions { ApiKey = ServerToken, Endpoint = endpoint };
        configure?.Invoke(options);
        return options;
    }

    public static PostmarkTransport Transport(LoopbackHttpServer server, Action<PostmarkOptions>? configure = null) =>
        new(Options(server.BaseAddress, configure), new HttpClient());

    public static EmailMessage Message(string to = "ann@example.com") => new()
    {
        From = "Shop <shop@example.com>",
        To = [to],
        Subject = "Your receipt",
        HtmlBody = "<p>Thanks!</p>",
        TextBody = "Thanks!",
    };

    /// <summary>A loopback address nothing listens on: a port that was free a moment ago.</summary>
    public static Uri UnusedEndpoint() => new($"http://127.0.0.1:{Smtp.Fixtures.SmtpTestRig.UnusedLoopbackPort()}/");

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
