using Mailing.Tests.Http.Fixtures;
using Mailing.Tests.Http.Mailgun;
using Mailing.Tests.Http.Postmark;
using Mailing.Tests.Http.Resend;
using Mailing.Tests.Http.SendGrid;

namespace Mailing.Tests.Http;

/// <summary>
/// Bulk mail through the providers' APIs carries the same List-Unsubscribe, List-Unsubscribe-Post and Precedence headers
/// as over SMTP, each in the provider's documented custom-header field, checked on a real loopback server.
/// </summary>
public sealed class UnsubscribeHeadersOverHttpTests
{
    private const string ListUnsubscribe = "<https://shop.example/unsubscribe?token=abc-123>, <mailto:unsubscribe@shop.example>";

    private static EmailMessage Bulk(EmailMessage message) => message with
    {
        Kind = EmailKind.Bulk,
        Unsubscribe = new UnsubscribeTarget("https://shop.example/unsubscribe?token=abc-123", "mailto:unsubscribe@shop.example"),
    };

    [Fact]
    public async Task SendGrid_GetsThemInHeaders()
    {
        await using var server = await LoopbackHttpServer.StartAsync(SendGridTestRig.Accepted());
        using var client = new HttpClient();

        await SendGridTestRig.TransportFor(server, client).SendAsync(Bulk(SendGridTestRig.Message()), SendGridTestRig.Timeout());

        var headers = Assert.Single(server.Requests).Json().GetProperty("headers");
        Assert.Equal(ListUnsubscribe, headers.GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
        Assert.Equal("bulk", headers.GetProperty("Precedence").GetString());
    }

    [Fact]
    public async Task Postmark_GetsThemInTheHeadersArray()
    {
        await using var server = await LoopbackHttpServer.StartAsync(PostmarkTestRig.Success());

        await PostmarkTestRig.Transport(server).SendAsync(Bulk(PostmarkTestRig.Message()), PostmarkTestRig.Timeout());

        var headers = Assert.Single(server.Requests).Json().GetProperty("Headers").EnumerateArray()
            .ToDictionary(h => h.GetProperty("Name").GetString()!, h => h.GetProperty("Value").GetString());
        Assert.Equal(ListUnsubscribe, headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        Assert.Equal("bulk", headers["Precedence"]);
    }

    [Fact]
    public async Task Mailgun_GetsThemAsHFields()
    {
        await using var server = await LoopbackHttpServer.StartAsync(MailgunTestRig.Success());

        await MailgunTestRig.Transport(server).SendAsync(Bulk(MailgunTestRig.Message()), MailgunTestRig.Timeout());

        var form = await MailgunTestRig.ParseFormAsync(Assert.Single(server.Requests));
        Assert.Equal(ListUnsubscribe, Assert.Single(form, p => p.Name == "h:List-Unsubscribe").Text);
        Assert.Equal("List-Unsubscribe=One-Click", Assert.Single(form, p => p.Name == "h:List-Unsubscribe-Post").Text);
        Assert.Equal("bulk", Assert.Single(form, p => p.Name == "h:Precedence").Text);
    }

    [Fact]
    public async Task Resend_GetsThemInHeaders()
    {
        await using var server = await LoopbackHttpServer.StartAsync(ResendTestRig.Accepted());
        using var client = new HttpClient();

        await ResendTestRig.TransportFor(server, client).SendAsync(Bulk(ResendTestRig.Message()), ResendTestRig.Timeout());

        var headers = Assert.Single(server.Requests).Json().GetProperty("headers");
        Assert.Equal(ListUnsubscribe, headers.GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
        Assert.Equal("bulk", headers.GetProperty("Precedence").GetString());
    }

    [Fact]
    public async Task TransactionalMail_GetsNoneOfThem_FromAnyProvider()
    {
        await using var sendGrid = await LoopbackHttpServer.StartAsync(SendGridTestRig.Accepted());
        await using var postmark = await LoopbackHttpServer.StartAsync(PostmarkTestRig.Success());
        await using var mailgun = await LoopbackHttpServer.StartAsync(MailgunTestRig.Success());
        await using var resend = await LoopbackHttpServer.StartAsync(ResendTestRig.Accepted());
        using var client = new HttpClient();

        await SendGridTestRig.TransportFor(sendGrid, client).SendAsync(SendGridTestRig.Message(), SendGridTestRig.Timeout());
        await PostmarkTestRig.Transport(postmark).SendAsync(PostmarkTestRig.Message(), PostmarkTestRig.Timeout());
        await MailgunTestRig.Transport(mailgun).SendAsync(MailgunTestRig.Message(), MailgunTestRig.Timeout());
        await ResendTestRig.TransportFor(resend, client).SendAsync(ResendTestRig.Message(), ResendTestRig.Timeout());

        foreach (var request in new[] { sendGrid, postmark, resend }.Select(s => Assert.Single(s.Requests)))
        {
            Assert.DoesNotContain("List-Unsubscribe", request.BodyText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Precedence", request.BodyText, StringComparison.OrdinalIgnoreCase);
        }

        var form = await MailgunTestRig.ParseFormAsync(Assert.Single(mailgun.Requests));
        Assert.DoesNotContain(form, p => p.Name is "h:List-Unsubscribe" or "h:List-Unsubscribe-Post" or "h:Precedence");
    }

    [Fact]
    public async Task BulkMailWithoutALink_IsRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackHttpServer.StartAsync(PostmarkTestRig.Success());

        await Assert.ThrowsAsync<ArgumentException>(() => PostmarkTestRig.Transport(server).SendAsync(PostmarkTestRig.Message() with { Kind = EmailKind.Bulk }, PostmarkTestRig.Timeout()));

        Assert.Empty(server.Requests);
    }
}
