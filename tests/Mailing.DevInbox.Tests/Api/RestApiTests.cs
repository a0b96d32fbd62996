using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MimeKit;

namespace Mailing.DevInbox.Tests.Api;

/// <summary>Messages sent by real clients read back through the REST API as a user's integration test would.</summary>
public sealed class RestApiTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task MessageFromMailingsSmtpTransport_ReadsBackWithItsStructure_AndPythonAgrees()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await using (var transport = inbox.Transport())
        {
            await transport.SendAsync(new EmailMessage
            {
                From = new EmailAddress("shop@example.com", "Example Shop"),
                To = [new EmailAddress("ann@example.net")],
                Subject = "Your order 1042",
                TextBody = "Thanks for your order.",
                HtmlBody = "<p>Thanks <img src=\"cid:logo\" alt=\"Logo\"> <a href=\"https://example.com/reset?token=abc\">Reset</a></p>",
                Attachments = [new EmailAttachment("invoice.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 fake"), "application/pdf")],
                InlineResources = [new InlineResource("logo", Png, "image/png", "logo.png")],
            }, RunningInbox.Timeout());
        }

        var detail = await inbox.WaitForSubjectAsync("Your order 1042");
        var id = detail.GetProperty("id").GetString()!;
        Assert.Contains("ann@example.net", detail.GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Thanks for your order.", detail.GetProperty("text").GetString()!.Trim());
        Assert.Contains("cid:logo", detail.GetProperty("html").GetString(), StringComparison.Ordinal);
        var attachments = detail.GetProperty("attachments").EnumerateArray().ToArray();
        var pdf = Assert.Single(attachments, a => a.GetProperty("fileName").GetString() == "invoice.pdf");
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        var logo = Assert.Single(attachments, a => a.GetProperty("contentId").GetString() == "logo");
        Assert.Equal("image/png", logo.GetProperty("contentType").GetString());

        var pdfBytes = await inbox.Http.GetByteArrayAsync(pdf.GetProperty("url").GetString()!.TrimStart('/'));
        Assert.Equal("%PDF-1.4 fake", Encoding.ASCII.GetString(pdfBytes));
        var image = await inbox.Http.GetAsync($"api/messages/{id}/cid/logo");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());

        var links = await inbox.GetJsonAsync($"api/messages/{id}/links");
        Assert.Equal("https://example.com/reset?token=abc", Assert.Single(links.EnumerateArray()).GetProperty("href").GetString());

        var raw = await inbox.Http.GetByteArrayAsync($"api/messages/{id}/raw");
        var python = await PythonSummaryAsync(raw);
        var apiTypes = detail.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("contentType").GetString()!).ToArray();
        Assert.Equal("Your order 1042", python.GetProperty("subject").GetString());
        Assert.Equal(apiTypes, python.GetProperty("leaves").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(["invoice.pdf", "logo.png"], python.GetProperty("files").EnumerateArray().Select(p => p.GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task MessageFromSwaks_Arrives_WithEnvelopeAndUtf8Subject()
    {
        await using var inbox = await RunningInbox.StartAsync();
        var swaks = Process.Start(new ProcessStartInfo("swaks",
            ["--server", $"127.0.0.1:{inbox.SmtpPort}", "--from", "ops@example.org", "--to", "bob@example.net",
             "--header", "Subject: =?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Grüße from swaks")) + "?=",
             "--body", "plain body", "--auth", "PLAIN", "--auth-user", "any", "--auth-password", "thing"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await swaks.StandardOutput.ReadToEndAsync(RunningInbox.Timeout());
        await swaks.WaitForExitAsync(RunningInbox.Timeout());
        Assert.True(swaks.ExitCode == 0, output);

        var detail = await inbox.WaitForSubjectAsync("Grüße from swaks");
        Assert.Equal("ops@example.org", detail.GetProperty("mailFrom").GetString());
        Assert.Equal("bob@example.net", Assert.Single(detail.GetProperty("rcptTo").EnumerateArray()).GetString());
        Assert.Contains("plain body", detail.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UsesMailpitSyntax_AndDeleteRemoves()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await using (var transport = inbox.Transport())
        {
            await transport.SendAsync(Plain("Welcome aboard", "ann@example.net"), RunningInbox.Timeout());
            await transport.SendAsync(Plain("Password reset", "bob@example.net") with { }, RunningInbox.Timeout());
            await transport.SendAsync(new EmailMessage
            {
                From = new EmailAddress("billing@example.com"),
                To = [new EmailAddress("bob@example.net")],
                Subject = "Invoice ready",
                TextBody = "see attached",
                Attachments = [new EmailAttachment("a.txt", "x"u8.ToArray(), "text/plain")],
            }, RunningInbox.Timeout());
        }

        await inbox.WaitForSubjectAsync("Invoice ready");
        Assert.Equal(["Invoice ready", "Password reset"], await SubjectsAsync(inbox, "to:bob@example.net"));
        Assert.Equal(["Password reset"], await SubjectsAsync(inbox, "to:bob subject:\"password reset\""));
        Assert.Equal(["Invoice ready"], await SubjectsAsync(inbox, "has:attachment"));
        Assert.Equal(["Invoice ready"], await SubjectsAsync(inbox, "from:billing"));
        Assert.Equal(["Welcome aboard"], await SubjectsAsync(inbox, "aboard"));
        Assert.Empty(await SubjectsAsync(inbox, "before:2000-01-01"));
        Assert.Equal(3, (await SubjectsAsync(inbox, "after:2000-01-01")).Length);

        var list = await inbox.GetJsonAsync("api/messages");
        var first = list.GetProperty("messages")[0];
        Assert.True(first.GetProperty("size").GetInt32() > 0);
        Assert.True(first.GetProperty("hasAttachments").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await inbox.Http.DeleteAsync($"api/messages/{first.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(2, (await SubjectsAsync(inbox, "")).Length);
        Assert.Equal(HttpStatusCode.NoContent, (await inbox.Http.DeleteAsync("api/messages")).StatusCode);
        Assert.Empty(await SubjectsAsync(inbox, ""));
    }

    [Fact]
    public async Task Wait_ReturnsTheNextMatchingMessage_AndTimesOutWith408()
    {
        await using var inbox = await RunningInbox.StartAsync();
        var waiting = inbox.GetJsonAsync("api/messages/wait?to=carol@example.net&timeout=30");
        await using (var transport = inbox.Transport())
        {
            await transport.SendAsync(Plain("Not for carol", "dave@example.net"), RunningInbox.Timeout());
            await transport.SendAsync(Plain("For carol", "carol@example.net"), RunningInbox.Timeout());
        }

        Assert.Equal("For carol", (await waiting).GetProperty("subject").GetString());
        var none = await inbox.Http.GetAsync("api/messages/wait?subject=never&timeout=0.2");
        Assert.Equal(HttpStatusCode.RequestTimeout, none.StatusCode);
    }

    [Fact]
    public async Task OversizedMessage_IsRefusedWith552()
    {
        await using var inbox = await RunningInbox.StartAsync(options => options.MaxMessageSize = 10_000);
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", inbox.SmtpPort, MailKit.Security.SecureSocketOptions.None, RunningInbox.Timeout());
        var message = new MimeMessage { Subject = "big", Body = new TextPart("plain") { Text = new string('x', 20_000) } };
        message.From.Add(MailboxAddress.Parse("a@example.com"));
        message.To.Add(MailboxAddress.Parse("b@example.com"));

        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message, RunningInbox.Timeout()));

        Assert.Equal(552, (int)refusal.StatusCode);
        Assert.Equal(0, (await inbox.GetJsonAsync("api/messages")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Checks_ReportTheGeneratorsRules_AndTheInboxsOwn()
    {
        await using var inbox = await RunningInbox.StartAsync();
        await using (var transport = inbox.Transport())
        {
            await transport.SendAsync(new EmailMessage
            {
                From = new EmailAddress("news@example.com"),
                To = [new EmailAddress("ann@example.net")],
                Subject = "Newsletter",
                HtmlBody = "<style>p{color:red}</style><p><img src=\"cid:missing\"><a href=\"http://example.com\">read</a></p>",
                Headers = new Dictionary<string, string> { ["Precedence"] = "bulk" },
            }, RunningInbox.Timeout());
        }

        var id = (await inbox.WaitForSubjectAsync("Newsletter")).GetProperty("id").GetString();
        var ids = (await inbox.GetJsonAsync($"api/messages/{id}/checks")).EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();

        Assert.Superset(new HashSet<string?> { "MAIL0101", "MAIL0102", "MAIL0103", "DEV002", "DEV003" }, ids);
    }

    private static EmailMessage Plain(string subject, string to) => new()
    {
        From = new EmailAddress("app@example.com"),
        To = [new EmailAddress(to)],
        Subject = subject,
        TextBody = $"{subject} body",
    };

    private static async Task<string[]> SubjectsAsync(RunningInbox inbox, string query) =>
        (await inbox.GetJsonAsync($"api/messages?query={Uri.EscapeDataString(query)}")).GetProperty("messages")
            .EnumerateArray().Select(m => m.GetProperty("subject").GetString()!).ToArray();

    private static async Task<JsonElement> PythonSummaryAsync(byte[] raw)
    {
        const string script = """
            import email, email.policy, json, sys
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
            leaves = [p for p in m.walk() if not p.is_multipart()]
            print(json.dumps({"subject": m["subject"], "leaves": [p.get_content_type() for p in leaves],
                              "files": [p.get_filename() for p in leaves if p.get_filename()]}))
            """;
        var python = Process.Start(new ProcessStartInfo("python3", ["-c", script]) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        await python.StandardInput.BaseStream.WriteAsync(raw, RunningInbox.Timeout());
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync(RunningInbox.Timeout());
        await python.WaitForExitAsync(RunningInbox.Timeout());
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
