using System.Net;
using System.Net.Sockets;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.SendGrid;

namespace Mailing.Tests.Http.SendGrid;

/// <summary>A SendGrid transport pointed at a loopback server standing in for SendGrid's API.</summary>
internal static class SendGridTestRig
{
    public const string ApiKey = "SG.test-key.0123456789abcdef";

    /// <summary>Bounds every wait so a broken behaviour fails instead of hanging; it never decides a pass.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>SendGrid's documented success: 202 Accepted, an empty body, and its id in <c>X-Message-Id</c>.</summary>
    public static HttpReply Accepted(string providerId = "W7yJMdu9SI2Tl6FpKc5U3w") =>
        new() { Status = 202, Headers = new Dictionary<string, string> { ["X-Message-Id"] = providerId } };

    public static SendGridTransport TransportFor(LoopbackHttpServer server, HttpClient client, Action<SendGridOptions>? configure = null)
    {
        var options = new SendGridOptions { ApiKey = ApiKey, Endpoint = server.BaseAddress };
        configure?.Invoke(options);
        return new SendGridTransport(options, client);
    }

    public static EmailMessage Message(string subject = "Your order 1042") => new()
    {
        From = new EmailAddress("shop@example.com", "Example Shop"),
        To = [new EmailAddress("ann@example.com", "Ann Smith")],
        Subject = subject,
        HtmlBody = "<p>Thanks for your order.</p>",
        TextBody = "Thanks for your order.",
    };

    public static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    public static int UnusedLoopbackPort() => Smtp.Fixtures.SmtpTestRig.UnusedLoopbackPort();
}
