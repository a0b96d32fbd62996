using System.Net;
using System.Net.Sockets;
using Mailing.Tests.Http.Fixtures;
using Mailing.Transports.Http.Resend;

namespace Mailing.Tests.Http.Resend;

/// <summary>A Resend transport pointed at a loopback server standing in for Resend's API.</summary>
internal static class ResendTestRig
{
    public const string ApiKey = "re_test_123456789abcdef";

    /// <summary>Bounds every wait so a broken behaviour fails instead of hanging; it never decides a pass.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Resend's documented success: 200 with the new email's id.</summary>
    public static HttpReply Accepted(string id = "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794") =>
        HttpReply.Json(200, $$"""{"id":"{{id}}"}""");

    public static ResendTransport TransportFor(LoopbackHttpServer server, HttpClient client, Action<ResendOptions>? configure = null)
    {
        var options = new ResendOptions { ApiKey = ApiKey, Endpoint = server.BaseAddress };
        configure?.Invoke(options);
        return new ResendTransport(options, client);
    }

    public static EmailMessage Message(string subject = "Your order 1042", string to = "ann@example.com") => new()
    {
        From = new EmailAddress("shop@example.com", "Example Shop"),
        To = [new EmailAddress(to, "Ann Smith")],
        Subject = subject,
        HtmlBody = "<p>Thanks for your order.</p>",
        TextBody = "Thanks for your order.",
    };

    public static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    public static int UnusedLoopbackPort() => Smtp.Fixtures.SmtpTestRig.UnusedLoopbackPort();
}
