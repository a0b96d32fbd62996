using System.Collections.Concurrent;
using System.Text;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>What the client says in the session: EHLO name and OAuth2 authentication, observed on the wire.</summary>
public sealed class SmtpSessionTests
{
    [Fact]
    public async Task LocalDomain_IsAnnouncedInEhlo()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command =>
        {
            lines.Enqueue(command.Line);
            return null;
        });
        var options = OptionsFor(server);
        options.LocalDomain = "app.shop.example";
        await using var transport = new SmtpTransport(options);

        await transport.SendAsync(Message(), Timeout());

        Assert.Contains("EHLO app.shop.example", lines);
    }

    [Fact]
    public async Task AccessTokenProvider_AuthenticatesWithXoauth2_OncePerConnection()
    {
        var authLines = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command => command.Verb switch
        {
            "EHLO" => ScriptedReply.With("250-scripted.test\r\n250 AUTH XOAUTH2"),
            "AUTH" => Accept(command.Line),
            _ => null,
        });
        var tokenRequests = 0;
        var options = OptionsFor(server);
        options.Username = "mailer@shop.example";
        options.AccessTokenProvider = _ => ValueTask.FromResult($"token-{Interlocked.Increment(ref tokenRequests)}");
        await using var transport = new SmtpTransport(options);

        await transport.SendAsync(Message("one"), Timeout());
        await transport.SendAsync(Message("two"), Timeout());

        Assert.Equal(1, tokenRequests);
        var auth = Assert.Single(authLines);
        var parts = auth.Split(' ');
        Assert.Equal("XOAUTH2", parts[1]);
        Assert.Equal("user=mailer@shop.example\u0001auth=Bearer token-1\u0001\u0001", Encoding.ASCII.GetString(Convert.FromBase64String(parts[2])));
        Assert.Equal(2, server.Messages.Count);

        ScriptedReply Accept(string line)
        {
            authLines.Enqueue(line);
            return ScriptedReply.With("235 2.7.0 Accepted");
        }
    }
}
