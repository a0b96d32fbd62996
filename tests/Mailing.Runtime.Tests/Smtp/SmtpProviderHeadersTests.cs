using System.Text;
using System.Text.Json;
using Mailing.DevInbox;
using Mailing.Transports.Smtp;
using MimeKit;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>
/// Tags and metadata reach SMTP relays in the headers each provider reads; assertions are on the headers that
/// arrived at a real loopback server standing in for the provider.
/// </summary>
public sealed class SmtpProviderHeadersTests
{
    // RFC 5322 §2.1.1: a line, folding included, must not exceed 998 characters.
    private const int MaxLineLength = 998;

    [Theory]
    [InlineData("smtp.sendgrid.net", "SendGrid")]
    [InlineData("SMTP.SendGrid.NET.", "SendGrid")]
    [InlineData("smtp.postmarkapp.com", "Postmark")]
    [InlineData("smtp-broadcasts.postmarkapp.com", "Postmark")]
    [InlineData("smtp.mailgun.org", "Mailgun")]
    [InlineData("smtp.eu.mailgun.org", "Mailgun")]
    [InlineData("email-smtp.eu-west-1.amazonaws.com", "AmazonSes")]
    [InlineData("email-smtp-fips.us-east-1.amazonaws.com", "AmazonSes")]
    [InlineData("smtp.gmail.com", "Other")]
    [InlineData("mail.notsendgrid.net", "Other")]
    [InlineData("smtp.sendgrid.net.attacker.example", "Other")]
    [InlineData("ec2-1-2-3-4.compute.amazonaws.com", "Other")]
    public void TheProvider_IsRecognisedFromTheHost(string host, string expected)
    {
        var headers = SmtpProviderHeaders.For(new SmtpOptions { Host = host });

        Assert.Equal(expected, headers.Provider.ToString());
    }

    [Fact]
    public void AProviderNamedInTheOptions_WinsOverTheHost()
    {
        var headers = SmtpProviderHeaders.For(new SmtpOptions { Host = "127.0.0.1", Provider = "postmark" });

        Assert.Equal(SmtpProvider.Postmark, headers.Provider);
    }

    [Fact]
    public async Task SendGrid_ReceivesTagsAsCategoriesAndMetadataAsUniqueArgs()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "SendGrid"));
        var metadata = new Dictionary<string, string>
        {
            ["order_id"] = "1042",
            ["note"] = "Grüße, \"quoted\" \\ and =?utf-8?q?looks_encoded?=",
        };
        var message = Message() with { Tags = ["receipt", "Ünïcode tag"], Metadata = metadata };

        await transport.SendAsync(message, Timeout());

        var json = ParseHeader(await ReceiveOneAsync(inbox), "X-SMTPAPI");
        Assert.Equal(message.Tags, json.GetProperty("category").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(
            metadata.OrderBy(pair => pair.Key),
            json.GetProperty("unique_args").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).OrderBy(pair => pair.Key));
    }

    [Fact]
    public async Task ALongSendGridHeader_IsFoldedWithinTheLineLimit_AndStillParses()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "SendGrid"));
        var metadata = Enumerable.Range(0, 40).ToDictionary(i => $"field_{i}", i => new string((char)('a' + (i % 26)), 60));
        var message = Message() with { Metadata = metadata };

        await transport.SendAsync(message, Timeout());

        var received = await ReceiveOneAsync(inbox);
        var raw = Encoding.ASCII.GetString(received.Headers.First(h => h.Field == "X-SMTPAPI").RawValue);
        Assert.True(raw.Length > MaxLineLength, "the header should be long enough to need folding");
        Assert.All(raw.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= MaxLineLength, $"line of {line.Length} characters"));
        var args = ParseHeader(received, "X-SMTPAPI").GetProperty("unique_args");
        Assert.Equal(metadata.Count, args.EnumerateObject().Count());
        Assert.All(metadata, pair => Assert.Equal(pair.Value, args.GetProperty(pair.Key).GetString()));
    }

    [Fact]
    public async Task Postmark_ReceivesOneTagHeaderAndAHeaderPerMetadataField()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "Postmark"));
        var message = Message() with
        {
            Tags = ["welcome"],
            Metadata = new Dictionary<string, string> { ["user-id"] = "42", ["plan"] = "Prämie" },
        };

        await transport.SendAsync(message, Timeout());

        var received = await ReceiveOneAsync(inbox);
        Assert.Equal(["welcome"], received.Headers.Where(h => h.Field == "X-PM-Tag").Select(h => h.Value));
        Assert.Equal("42", received.Headers["X-PM-Metadata-user-id"]);
        Assert.Equal("Prämie", received.Headers["X-PM-Metadata-plan"]);
    }

    [Fact]
    public async Task Postmark_RefusesASecondTag_BeforeConnecting()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "Postmark"));
        var message = Message() with { Tags = ["welcome", "onboarding"] };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("Postmark accepts at most 1 tag", failure.Message, StringComparison.Ordinal);
        Assert.Contains("welcome, onboarding", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Metadata", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, transport.OpenedConnections);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task Postmark_RefusesAMetadataKeyThatCannotBeAHeaderName()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "Postmark"));
        var message = Message() with { Metadata = new Dictionary<string, string> { ["user id"] = "42" } };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("'user id'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Rename the key", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, transport.OpenedConnections);
    }

    [Fact]
    public async Task Mailgun_ReceivesATagHeaderPerTagAndMetadataAsVariables()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "Mailgun"));
        var message = Message() with
        {
            Tags = ["receipt", "eu"],
            Metadata = new Dictionary<string, string> { ["order_id"] = "1042" },
        };

        await transport.SendAsync(message, Timeout());

        var received = await ReceiveOneAsync(inbox);
        Assert.Equal(message.Tags, received.Headers.Where(h => h.Field == "X-Mailgun-Tag").Select(h => h.Value));
        Assert.Equal("1042", ParseHeader(received, "X-Mailgun-Variables").GetProperty("order_id").GetString());
    }

    [Fact]
    public async Task AmazonSes_ReceivesMetadataAsMessageTags()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "AmazonSes"));
        var metadata = new Dictionary<string, string> { ["campaign"] = "spring-2026", ["tenant"] = "acme_eu" };
        var message = Message() with { Metadata = metadata };

        await transport.SendAsync(message, Timeout());

        var header = (await ReceiveOneAsync(inbox)).Headers["X-SES-MESSAGE-TAGS"];
        Assert.NotNull(header);
        var tags = header
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(parts => parts[0], parts => parts[1]);
        Assert.Equal(metadata.OrderBy(pair => pair.Key), tags.OrderBy(pair => pair.Key));
    }

    [Fact]
    public async Task AmazonSes_RefusesAValueOutsideItsCharacterSet()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "AmazonSes"));
        var message = Message() with { Metadata = new Dictionary<string, string> { ["campaign"] = "spring 2026" } };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("'campaign'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("letters, digits", failure.Message, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task AHeaderTheMessageSetsItself_IsNotSilentlyOverwritten()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(ProviderOptions(inbox, "SendGrid"));
        var message = Message().WithHeader("X-SMTPAPI", "{\"category\": [\"mine\"]}").WithTag("receipt");

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(message, Timeout()));

        Assert.Contains("X-SMTPAPI", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherServer_GetsNoProviderHeaders()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(OptionsFor(inbox));
        var message = Message() with { Tags = ["a", "b", "c", "d"], Metadata = new Dictionary<string, string> { ["k"] = "v" } };

        await transport.SendAsync(message, Timeout());

        var received = await ReceiveOneAsync(inbox);
        Assert.DoesNotContain(received.Headers, h => h.Field.StartsWith("X-", StringComparison.OrdinalIgnoreCase));
    }

    private static SmtpOptions ProviderOptions(LocalSmtpInbox inbox, string provider)
    {
        var options = OptionsFor(inbox);
        options.Provider = provider;
        return options;
    }

    private static async Task<MimeMessage> ReceiveOneAsync(LocalSmtpInbox inbox) =>
        Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout())).Message;

    private static JsonElement ParseHeader(MimeMessage message, string field)
    {
        var value = message.Headers[field];
        Assert.False(string.IsNullOrEmpty(value), $"{field} did not arrive");
        return JsonDocument.Parse(value).RootElement.Clone();
    }
}
