using System.Net;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mailing.DevInbox.Tests.Smtp;

/// <summary>The SMTP side catches everything from many clients at once, and misbehaves only when told to.</summary>
public sealed class SmtpCatcherTests
{
    [Fact]
    public async Task Burst_Of2000MessagesFrom16ParallelClients_LosesNone()
    {
        const int clients = 16;
        const int perClient = 125;
        await using var inbox = await RunningInbox.StartAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (client, cancellationToken) =>
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync("127.0.0.1", inbox.SmtpPort, SecureSocketOptions.None, RunningInbox.Timeout());
            for (var i = 0; i < perClient; i++)
            {
                await smtp.SendAsync(Message($"burst {client}-{i}"), RunningInbox.Timeout());
            }

            await smtp.DisconnectAsync(quit: true, RunningInbox.Timeout());
        });

        var list = await inbox.GetJsonAsync("api/messages?query=subject:burst");
        Assert.Equal(clients * perClient, list.GetProperty("total").GetInt32());
        var subjects = list.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("subject").GetString()).ToHashSet();
        Assert.Equal(clients * perClient, subjects.Count);
    }

    [Fact]
    public async Task ChaosOnRcpt_AnswersTheChosenCode_UntilSwitchedOff()
    {
        await using var inbox = await RunningInbox.StartAsync();
        var on = await inbox.Http.PutAsJsonAsync("api/chaos", new { enabled = true, step = "rcpt", code = 550, rate = 1.0 });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", inbox.SmtpPort, SecureSocketOptions.None, RunningInbox.Timeout());
            var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(Message("refused"), RunningInbox.Timeout()));
            Assert.Equal(550, (int)refusal.StatusCode);
            Assert.Contains("Chaos mode", refusal.Message, StringComparison.Ordinal);
        }

        Assert.True((await inbox.GetJsonAsync("api/chaos")).GetProperty("enabled").GetBoolean());
        await inbox.Http.DeleteAsync("api/chaos");
        await using (var transport = inbox.Transport())
        {
            await transport.SendAsync(new EmailMessage { From = new EmailAddress("a@example.com"), To = [new EmailAddress("b@example.com")], Subject = "accepted", TextBody = "x" }, RunningInbox.Timeout());
        }

        Assert.Equal("accepted", (await inbox.WaitForSubjectAsync("accepted")).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task ChaosFromTheCommandLine_FailsAuthWith535()
    {
        var (options, error) = DevCommandLine.Parse(["dev", "--smtp-port", "0", "--http-port", "0", "--chaos", "auth:535"]);
        Assert.Null(error);
        await using var inbox = await RunningInbox.StartAsync(o => o.Chaos = options!.Chaos);
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", inbox.SmtpPort, SecureSocketOptions.None, RunningInbox.Timeout());

        var refusal = await Assert.ThrowsAsync<AuthenticationException>(() => smtp.AuthenticateAsync("user", "pass", RunningInbox.Timeout()));

        Assert.Contains("Chaos mode", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredCredentials_AreTheOnlyOnesAccepted_OverStartTls()
    {
        await using var inbox = await RunningInbox.StartAsync(options =>
        {
            options.StartTls = true;
            options.Username = "app";
            options.Password = "dev-password";
        });
        using var smtp = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await smtp.ConnectAsync("127.0.0.1", inbox.SmtpPort, SecureSocketOptions.StartTls, RunningInbox.Timeout());
        Assert.True(smtp.Capabilities.HasFlag(SmtpCapabilities.EightBitMime));
        Assert.True(smtp.Capabilities.HasFlag(SmtpCapabilities.UTF8));

        await Assert.ThrowsAsync<AuthenticationException>(() => smtp.AuthenticateAsync("app", "wrong", RunningInbox.Timeout()));
        await smtp.AuthenticateAsync("app", "dev-password", RunningInbox.Timeout());
        await smtp.SendAsync(Message("authenticated"), RunningInbox.Timeout());

        Assert.Equal("authenticated", (await inbox.WaitForSubjectAsync("authenticated")).GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("dev --smtp-port 2525 --http-port 8025 --max-messages 10", 2525, 8025, 10)]
    [InlineData("dev", 4125, 4100, 500)]
    public void CommandLine_ReadsPortsAndLimits_WithLoopbackByDefault(string line, int smtp, int http, int max)
    {
        var (options, error) = DevCommandLine.Parse(line.Split(' '));

        Assert.Null(error);
        Assert.Equal((smtp, http, max), (options!.SmtpPort, options.HttpPort, options.MaxMessages));
        Assert.Equal(IPAddress.Loopback, options.BindAddress);
    }

    [Theory]
    [InlineData("dev --chaos rcpt:299")]
    [InlineData("dev --smtp-port many")]
    [InlineData("dev --relay smtp.example.com")]
    public void CommandLine_RefusesWhatItDoesNotKnow(string line)
    {
        var (options, error) = DevCommandLine.Parse(line.Split(' '));

        Assert.Null(options);
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "body" } };
        message.From.Add(MailboxAddress.Parse("a@example.com"));
        message.To.Add(MailboxAddress.Parse("b@example.com"));
        return message;
    }
}
